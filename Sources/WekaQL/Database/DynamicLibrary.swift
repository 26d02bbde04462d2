// A C library opened with dlopen when a database first needs it (libsqlite3, libpq), so that start-up on
// the built-in data never loads it.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// An opened C library, asked for its functions by name.
struct DynamicLibrary {
    let handle: UnsafeMutableRawPointer

    /// A function the library lacks: an older or other library of the same name, not usable.
    struct MissingSymbol: Error {
        var name: String
    }

    /// The first of `names` that opens and has every function `bind` asks for, bound; `nil` when none does.
    static func load<Library>(_ names: [String], _ bind: (DynamicLibrary) throws(MissingSymbol) -> Library) -> Library? {
        for name in names {
            guard let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) else { continue }
            do { return try bind(DynamicLibrary(handle: handle)) } catch { dlclose(handle) }
        }
        return nil
    }

    /// The function `name`, as the C function type `T`.
    func symbol<T>(_ name: String) throws(MissingSymbol) -> T {
        guard let pointer = dlsym(handle, name) else { throw MissingSymbol(name: name) }
        return unsafeBitCast(pointer, to: T.self)
    }
}
