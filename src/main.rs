fn main() {
    std::process::exit(mgen::cli::main());
}
