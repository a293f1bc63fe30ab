import Dispatch

/// Values a run is done with, freed on another thread: freeing a vault's notes one allocation at
/// a time takes a tenth of a site build, which the caller need not wait for. Made from the values
/// (copies share their storage), it holds the last references once the run's own are gone.
package struct Leftovers: @unchecked Sendable {
    private final class Box {
        let values: Any
        init(_ values: Any) { self.values = values }
    }

    private let box: Unmanaged<Box>

    package init(_ values: Any) { box = .passRetained(Box(values)) }

    /// Frees the values on another thread, once no one else holds them. Called once.
    package func releaseInBackground() {
        DispatchQueue.global(qos: .utility).async { self.box.release() }
    }
}
