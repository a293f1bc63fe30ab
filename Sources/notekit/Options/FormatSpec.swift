import ArgumentParser
import NoteLintReporters

/// `--format name` or `--format name:path`: a report format and where to write it.
struct FormatSpec: ExpressibleByArgument {
    let format: ReportFormat
    /// The file to write; nil for standard output.
    let path: String?

    init(_ format: ReportFormat, path: String? = nil) {
        self.format = format
        self.path = path
    }

    init?(argument: String) {
        let parts = argument.split(separator: ":", maxSplits: 1).map(String.init)
        guard let format = parts.first.flatMap(ReportFormat.init(rawValue:)) else { return nil }
        self.init(format, path: parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil)
    }

    static var allValueStrings: [String] { ReportFormat.allCases.map(\.rawValue) }
    var defaultValueDescription: String { path.map { "\(format.rawValue):\($0)" } ?? format.rawValue }
}
