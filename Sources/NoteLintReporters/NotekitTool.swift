/// The tool's name and version, as `notekit --version` and the reports give them.
public enum NotekitTool {
    public static let name = "notekit"
    public static let version = "0.1.0"
}
