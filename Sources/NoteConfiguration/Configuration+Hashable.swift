/// Configurations compare and hash by everything they say (`canonical`: every setting,
/// dictionaries sorted; the lint cache keys results by `fingerprint`, the same hashed without
/// reflection): what they read from their files after
/// `extends` and parent folders, their vault root and file. `generated` (where fixes get new
/// values, closures not read from any file) describes every configuration alike.
extension Configuration: Hashable {
    public static func == (lhs: Configuration, rhs: Configuration) -> Bool {
        lhs.canonical == rhs.canonical
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(canonical)
    }

    /// Everything the configuration says, described the same in every process.
    package var canonical: String { Self.canonical(self) }

    /// A description of `value` that is the same in every process: dictionaries and sets sorted.
    private static func canonical(_ value: Any) -> String {
        let mirror = Mirror(reflecting: value)
        let children = mirror.children.map { ($0.label ?? "", canonical($0.value)) }
        switch mirror.displayStyle {
        case nil:
            return String(reflecting: value)
        case .dictionary?, .set?:
            return "{" + children.map(\.1).sorted().joined(separator: ",") + "}"
        case .enum? where children.isEmpty:
            return String(reflecting: value)
        default:
            return "\(type(of: value))(" + children.map { "\($0.0):\($0.1)" }.joined(separator: ",") + ")"
        }
    }
}
