/// Configurations compare and hash by everything they say, as the lint cache keys results by
/// it (`LintCache.canonical`: every setting, dictionaries sorted): what they read from their
/// files after `extends` and parent folders, their vault root and file. `generated` (where
/// fixes get new values, closures not read from any file) describes every configuration alike.
extension Configuration: Hashable {
    public static func == (lhs: Configuration, rhs: Configuration) -> Bool {
        LintCache.canonical(lhs) == LintCache.canonical(rhs)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(LintCache.canonical(self))
    }
}
