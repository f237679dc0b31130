//! The `canllaw` binary: everything is in the library; this only starts it.

/// jemalloc, not the system allocator: uncached searches allocate and free
/// many small objects from several threads, and glibc's malloc spent a
/// third of their time consolidating and unlinking chunks, and kept freed
/// memory in per-thread arenas. Measured in the README ("Over HTTP",
/// "Memory").
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> std::process::ExitCode {
    canllaw::cli::run()
}
