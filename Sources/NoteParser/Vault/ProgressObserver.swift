/// Follows a long run (`notekit` draws a bar on a terminal): `begin` with the number of items,
/// then `advance` once per item done, from any thread.
public protocol ProgressObserver: Sendable {
    func begin(total: Int)
    func advance()
}
