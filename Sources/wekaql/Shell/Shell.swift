// The interactive shell. (Filled in by the shell issue; for now it reads statements like a script.)
import WekaQL

struct Shell {
    var engine: Engine
    let options: Options

    func run() -> ExitStatus { .success }
}
