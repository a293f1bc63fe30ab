import Foundation
import NoteParser

/// RIS: one `TY  - ELEC` record per source, `ER  - ` after each, CRLF line ends. `ID` the id,
/// `TI` the title, `UR` the URL, `PY` the year and `DA` the date published, `Y2` the date
/// accessed, `T2` the site; dates written `YYYY/MM/DD/` with unknown parts empty.
public enum RISExport {
    public static func render(_ export: CitationExport) -> String {
        export.entries.map { entry in
            var lines = [("TY", "ELEC"), ("ID", entry.id)]
            if let title = entry.title { lines.append(("TI", title)) }
            lines.append(("UR", entry.url))
            if let issued = entry.issued { lines += [("PY", String(format: "%04d", issued.year)), ("DA", date(issued))] }
            if let accessed = entry.accessed { lines.append(("Y2", date(accessed))) }
            if let container = entry.container { lines.append(("T2", container)) }
            lines.append(("ER", ""))
            return lines.map { "\($0.0)  - \(oneLine($0.1))\r\n" }.joined()
        }.joined()
    }

    /// `2024/03/05/`, `2024/03//` or `2024///`.
    static func date(_ date: PartialDate) -> String {
        String(format: "%04d/", date.year) + (date.month.map { String(format: "%02d", $0) } ?? "") + "/"
            + (date.day.map { String(format: "%02d", $0) } ?? "") + "/"
    }

    /// A value on one line: line breaks and tabs become spaces.
    private static func oneLine(_ value: String) -> String {
        String(value.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }
}
