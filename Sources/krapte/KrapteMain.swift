import ArgumentParser
import KrapteCLI

/// The entry point: parses the command line and runs the chosen `krapte` subcommand.
@main
struct KrapteMain {
    static func main() async {
        await Krapte.run()
    }
}
