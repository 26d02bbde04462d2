// The one version number: the library, `wekaql --version`, the C API and the git tags share it.

extension Engine {
    /// The version of the WekaQL library and of the `wekaql` command, `MAJOR.MINOR.PATCH` as semantic
    /// versioning reads it.
    ///
    /// Releases are tagged `vMAJOR.MINOR.PATCH` in git (for example `v0.2.0`); a package depends on one
    /// with `.package(url: …, from: "0.2.0")`, or on a local checkout with `.package(path: …)`.
    public static let version = "0.2.0"
}
