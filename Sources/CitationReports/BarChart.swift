/// The geometry of a horizontal SVG bar chart; the template draws it.
struct BarChart {
    struct Bar {
        let label: String
        let value: Int
        let y: Int
        let textY: Int
        let width: Int
        let valueX: Int
    }

    static let labelWidth = 220
    static let barArea = 460
    static let rowHeight = 22
    static let barHeight = 16

    let bars: [Bar]
    var width: Int { Self.labelWidth + Self.barArea + 60 }
    var height: Int { max(1, bars.count) * Self.rowHeight + 8 }

    init(_ items: [(label: String, value: Int)]) {
        let largest = max(1, items.map(\.value).max() ?? 1)
        bars = items.enumerated().map { index, item in
            let width = max(1, item.value * Self.barArea / largest)
            let y = 4 + index * Self.rowHeight
            return Bar(label: item.label, value: item.value, y: y, textY: y + Self.barHeight - 3,
                       width: width, valueX: Self.labelWidth + width + 6)
        }
    }

    /// The values the template reads.
    var context: [String: Any] {
        ["width": width, "height": height, "labelX": Self.labelWidth - 8, "barX": Self.labelWidth, "barHeight": Self.barHeight,
         "bars": bars.map { ["label": $0.label, "value": $0.value, "y": $0.y, "textY": $0.textY, "width": $0.width, "valueX": $0.valueX] }]
    }
}
