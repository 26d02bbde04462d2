// The SVG of one chart, element by element: the plot area, the axes and the marks of each kind.

struct SVGCanvas {
    let width: Int
    let data: ChartData
    var elements: [String] = []
    var height = 420
    /// The plot area.
    var left = 60.0, top = 48.0, right = 0.0, bottom = 0.0

    init(width: Int, data: ChartData) {
        self.width = width
        self.data = data
    }

    var document: String {
        let open = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" "
            + "font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"12\" role=\"img\">"
        return ([open, "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>"] + elements + ["</svg>"]).joined(separator: "\n")
    }

    mutating func draw() {
        let barRows = data.labels.count * max(1, data.series.count)
        switch data.kind {
        case .bar, .hist: height = max(160, min(4000, barRows * 22 + 110))
        case .spark: height = max(100, data.series.count * 40 + 90)
        default: break
        }
        let longest = data.labels.map { min($0.count, 28) }.max() ?? 4
        left = data.kind == .bar || data.kind == .hist ? Double(min(220, longest * 7 + 16)) : 64
        right = Double(width) - (data.kind == .spark ? 120 : 60)
        bottom = Double(height) - (data.kind == .column || data.kind == .line ? (data.labels.count > 8 ? 96 : 76) : 50)
        if data.series.count > 1 && data.kind != .spark { top = 72 }   // room for the legend under the title
        if let title = data.title {
            text(Double(width) / 2, 26, title, anchor: "middle", extra: " font-size=\"16\" font-weight=\"bold\"")
        }
        if data.labels.isEmpty {
            text(Double(width) / 2, Double(height) / 2, "(no rows to chart)", anchor: "middle")
        } else {
            switch data.kind {
            case .bar, .hist: drawBars()
            case .column: drawColumns()
            case .line: drawLines()
            case .spark: drawSparks()
            }
        }
        if data.series.count > 1 && data.kind != .spark { drawLegend() }
        if let footnote = data.nullFootnote { text(8, Double(height) - 10, footnote, extra: " fill=\"#555\"") }
    }

    // MARK: - Elements

    mutating func text(_ x: Double, _ y: Double, _ content: String, anchor: String = "start", extra: String = "") {
        elements.append("<text x=\"\(SVGChart.px(x))\" y=\"\(SVGChart.px(y))\" text-anchor=\"\(anchor)\"\(extra)>\(SVGChart.escape(content))</text>")
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String = "#333") {
        elements.append("<line x1=\"\(SVGChart.px(x1))\" y1=\"\(SVGChart.px(y1))\" x2=\"\(SVGChart.px(x2))\" y2=\"\(SVGChart.px(y2))\" stroke=\"\(stroke)\"/>")
    }

    mutating func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, series: Int, tooltip: String) {
        elements.append("<rect x=\"\(SVGChart.px(x))\" y=\"\(SVGChart.px(y))\" width=\"\(SVGChart.px(max(w, 0.5)))\" height=\"\(SVGChart.px(max(h, 0.5)))\" "
            + "fill=\"\(color(series))\"><title>\(SVGChart.escape(tooltip))</title></rect>")
    }

    func color(_ series: Int) -> String { SVGChart.palette[series % SVGChart.palette.count] }

    var scale: (low: Double, high: Double) { TerminalChart.scale(data) }

    /// Whether every value is a whole number, so that ticks are too.
    var integral: Bool { data.allValues.allSatisfy { $0 == $0.rounded() } }

    func cut(_ label: String, _ characters: Int) -> String {
        label.count > characters ? String(label.prefix(characters - 1)) + "…" : label
    }

    func tooltip(_ label: Int, _ series: Int) -> String {
        let value = data.series[series].values[label].map(ChartData.number) ?? "null"
        return data.labels[label] + (data.series.count > 1 ? ", " + data.series[series].name : "") + ": " + value
    }

    // MARK: - Kinds

    mutating func drawBars() {
        let (low, high) = scale
        let (plotLeft, plotRight) = (left, right)
        let x = { (v: Double) in plotLeft + (v - low) / (high - low) * (plotRight - plotLeft) }
        for tick in SVGChart.ticks(low: low, high: high, integral: integral) {
            line(x(tick), top, x(tick), bottom, stroke: "#e5e5e5")
            text(x(tick), bottom + 16, ChartData.number(tick), anchor: "middle")
        }
        let band = (bottom - top) / Double(data.labels.count)
        let barHeight = band * 0.8 / Double(data.series.count)
        for (i, label) in data.labels.enumerated() {
            let bandTop = top + Double(i) * band + band * 0.1
            text(left - 6, bandTop + band * 0.4 + 4, cut(label, 28), anchor: "end")
            for (s, series) in data.series.enumerated() {
                let y = bandTop + Double(s) * barHeight
                guard let value = series.values[i], value.isFinite else {
                    text(x(0) + 4, y + barHeight / 2 + 4, "null", extra: " fill=\"#888\"")
                    continue
                }
                let (from, to) = (x(min(0, value)), x(max(0, value)))
                rect(from, y, to - from, barHeight, series: s, tooltip: tooltip(i, s))
                // A negative's value goes right of the axis, clear of the labels on the left.
                text(value < 0 ? x(0) + 4 : to + 4, y + barHeight / 2 + 4, ChartData.number(value))
            }
        }
        line(x(0), top, x(0), bottom)
        line(left, bottom, right, bottom)
        if let name = data.valueName { text((left + right) / 2, bottom + 34, name, anchor: "middle", extra: " fill=\"#555\"") }
    }

    mutating func valueAxis(_ y: (Double) -> Double) {
        let (low, high) = scale
        for tick in SVGChart.ticks(low: low, high: high, integral: integral) {
            line(left, y(tick), right, y(tick), stroke: "#e5e5e5")
            text(left - 6, y(tick) + 4, ChartData.number(tick), anchor: "end")
        }
        line(left, top, left, bottom)
        line(left, y(0), right, y(0))
        if let name = data.valueName {
            text(14, (top + bottom) / 2, name, anchor: "middle", extra: " transform=\"rotate(-90 14 \(SVGChart.px((top + bottom) / 2)))\" fill=\"#555\"")
        }
    }

    /// Labels under the plot, slanted when there are many, every n-th when there are too many to read.
    mutating func labelAxis(_ x: (Int) -> Double) {
        let count = data.labels.count
        let every = max(1, count / 24)
        let slanted = count > 8
        // Upright labels are cut to the width of their band (about 7 pixels a character).
        let characters = slanted ? 14 : max(3, min(18, Int((right - left) / Double(count) / 7)))
        for i in stride(from: 0, to: count, by: every) {
            let (px, py) = (x(i), bottom + 16)
            let slant = slanted ? " transform=\"rotate(-35 \(SVGChart.px(px)) \(SVGChart.px(py)))\"" : ""
            text(px, py, cut(data.labels[i], characters), anchor: slanted ? "end" : "middle", extra: slant)
        }
    }

    mutating func drawColumns() {
        let (low, high) = scale
        let (plotTop, plotBottom) = (top, bottom)
        let y = { (v: Double) in plotBottom - (v - low) / (high - low) * (plotBottom - plotTop) }
        valueAxis(y)
        let band = (right - left) / Double(data.labels.count)
        let barWidth = band * 0.8 / Double(data.series.count)
        for i in data.labels.indices {
            for (s, series) in data.series.enumerated() {
                let x = left + Double(i) * band + band * 0.1 + Double(s) * barWidth
                guard let value = series.values[i], value.isFinite else { continue }
                let (from, to) = (y(max(0, value)), y(min(0, value)))
                rect(x, from, barWidth, to - from, series: s, tooltip: tooltip(i, s))
                if data.labels.count * data.series.count <= 24 {
                    text(x + barWidth / 2, value < 0 ? to + 14 : from - 4, ChartData.number(value), anchor: "middle", extra: " font-size=\"11\"")
                }
            }
        }
        let plotLeft = left
        labelAxis { plotLeft + (Double($0) + 0.5) * band }
    }

    mutating func drawLines() {
        let (low, high) = scale
        let (plotTop, plotBottom) = (top, bottom)
        let y = { (v: Double) in plotBottom - (v - low) / (high - low) * (plotBottom - plotTop) }
        valueAxis(y)
        let count = data.labels.count
        let (plotLeft, plotRight) = (left, right)
        let x = { (i: Int) in count == 1 ? (plotLeft + plotRight) / 2 : plotLeft + Double(i) * (plotRight - plotLeft) / Double(count - 1) }
        for (s, series) in data.series.enumerated() {
            polylines(series.values.enumerated().map { i, value in
                value.flatMap { $0.isFinite ? SVGChart.px(x(i)) + "," + SVGChart.px(y($0)) : nil }
            }, color: color(s), width: 2)
            for (i, value) in series.values.enumerated() {
                guard let value, value.isFinite else { continue }
                elements.append("<circle cx=\"\(SVGChart.px(x(i)))\" cy=\"\(SVGChart.px(y(value)))\" r=\"3.5\" fill=\"\(color(s))\"><title>\(SVGChart.escape(tooltip(i, s)))</title></circle>")
            }
        }
        labelAxis(x)
    }

    mutating func drawSparks() {
        for (s, series) in data.series.enumerated() {
            let rowTop = top + Double(s) * 40
            text(left - 6, rowTop + 20, cut(series.name, 10), anchor: "end")
            let present = series.values.compactMap { $0 }.filter(\.isFinite)
            let low = min(0, present.min() ?? 0), high = max(0, present.max() ?? 0)
            let span = high == low ? 1 : high - low
            let count = series.values.count
            let (plotLeft, plotRight) = (left, right)
            let x = { (i: Int) in count == 1 ? plotLeft : plotLeft + Double(i) * (plotRight - plotLeft) / Double(count - 1) }
            polylines(series.values.enumerated().map { i, value in
                value.flatMap { $0.isFinite ? SVGChart.px(x(i)) + "," + SVGChart.px(rowTop + 30 - ($0 - low) / span * 28) : nil }
            }, color: color(s), width: 1.5)
            if let least = present.min(), let most = present.max() {
                text(right + 8, rowTop + 20, ChartData.number(least) + " … " + ChartData.number(most), extra: " fill=\"#555\"")
            }
        }
    }

    /// Polylines through the points, a `nil` (a null) breaking the line.
    mutating func polylines(_ points: [String?], color: String, width: Double) {
        var run: [String] = []
        for point in points + [nil] {
            if let point { run.append(point); continue }
            if run.count > 1 {
                elements.append("<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"\(width)\" points=\"\(run.joined(separator: " "))\"/>")
            } else if let only = run.first {
                let xy = only.split(separator: ",")
                elements.append("<circle cx=\"\(xy[0])\" cy=\"\(xy[1])\" r=\"1.5\" fill=\"\(color)\"/>")
            }
            run = []
        }
    }

    mutating func drawLegend() {
        var x = left
        let y = top - 22
        for (s, series) in data.series.enumerated() {
            elements.append("<rect x=\"\(SVGChart.px(x))\" y=\"\(SVGChart.px(y - 9))\" width=\"10\" height=\"10\" fill=\"\(color(s))\"/>")
            let name = cut(series.name, 20)
            text(x + 14, y, name)
            x += 14 + Double(name.count) * 7 + 16
        }
    }
}
