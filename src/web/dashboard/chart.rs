//! Bar charts drawn on the server as SVG geometry (the template writes the
//! elements, so every label is escaped like any other text). Each chart
//! sits above a table of the same figures, which is what screen readers
//! and CSV exports use.

/// One bar: where it is and what it says (`label` in full, `shown` as
/// drawn).
pub struct Bar {
    pub shown: String,
    pub x: u32,
    pub y: u32,
    pub w: u32,
    pub h: u32,
    pub label: String,
    pub value: u64,
    /// Where its label and value are written.
    pub label_x: u32,
    pub label_y: u32,
    pub value_x: u32,
    /// Drawn marked out (a spike), with a marker above it so that colour
    /// is not the only sign.
    pub mark: bool,
}

/// A chart: its size, bars and axis labels.
pub struct Chart {
    pub width: u32,
    pub height: u32,
    /// `across` (one bar per row, labels on the left) or `up` (columns
    /// along a time axis).
    pub kind: &'static str,
    pub bars: Vec<Bar>,
    /// Labels along the time axis: x and text.
    pub ticks: Vec<(u32, String)>,
    /// The baseline's y (`up` charts).
    pub base: u32,
}

const WIDTH: u32 = 800;
const LABEL_W: u32 = 340;
/// Longest label drawn in full (the table and the bar's title carry the
/// rest).
const LABEL_CHARS: usize = 44;

fn short(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        label.to_string()
    } else {
        let cut: String = label.chars().take(LABEL_CHARS - 1).collect();
        format!("{}…", cut.trim_end())
    }
}
const ROW: u32 = 26;

/// Horizontal bars, one per (label, value), longest to scale.
pub fn across(rows: &[(String, u64)]) -> Chart {
    let max = rows.iter().map(|(_, v)| *v).max().unwrap_or(0).max(1);
    let plot = WIDTH - LABEL_W - 60;
    let bars = rows
        .iter()
        .enumerate()
        .map(|(i, (label, value))| {
            let y = i as u32 * ROW;
            let w = ((*value as f64 / max as f64) * plot as f64).round() as u32;
            Bar {
                shown: short(label),
                x: LABEL_W,
                y: y + 4,
                w: w.max(u32::from(*value > 0)),
                h: ROW - 8,
                label: label.clone(),
                value: *value,
                label_x: LABEL_W - 8,
                label_y: y + ROW / 2 + 5,
                value_x: LABEL_W + w + 6,
                mark: false,
            }
        })
        .collect();
    Chart {
        width: WIDTH,
        height: rows.len() as u32 * ROW,
        kind: "across",
        bars,
        ticks: Vec::new(),
        base: 0,
    }
}

/// Columns along time, one per (label, value); `tick` says which labels to
/// write on the axis (every label would not fit).
pub fn up(rows: &[(String, u64)], tick: impl Fn(usize) -> bool) -> Chart {
    let max = rows.iter().map(|(_, v)| *v).max().unwrap_or(0).max(1);
    let (plot_h, left) = (160u32, 40u32);
    let n = rows.len().max(1) as u32;
    let step = ((WIDTH - left) / n).max(2);
    let bars: Vec<Bar> = rows
        .iter()
        .enumerate()
        .map(|(i, (label, value))| {
            let h = ((*value as f64 / max as f64) * plot_h as f64).round() as u32;
            let x = left + i as u32 * step;
            Bar {
                shown: label.clone(),
                x,
                y: 10 + plot_h - h,
                w: (step - 1).max(1),
                h,
                label: label.clone(),
                value: *value,
                label_x: x,
                label_y: 0,
                value_x: 0,
                mark: false,
            }
        })
        .collect();
    let ticks = bars
        .iter()
        .enumerate()
        .filter(|(i, _)| tick(*i))
        .map(|(_, b)| (b.x, b.label.clone()))
        .collect();
    Chart {
        width: WIDTH,
        height: plot_h + 40,
        kind: "up",
        bars,
        ticks,
        base: 10 + plot_h,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_to_scale_and_none_is_lost() {
        let rows = vec![
            ("a".to_string(), 10),
            ("b".to_string(), 5),
            ("c".to_string(), 0),
        ];
        let c = across(&rows);
        assert_eq!(c.bars.len(), 3);
        assert_eq!(c.bars[0].w, 2 * c.bars[1].w);
        assert_eq!(c.bars[2].w, 0, "nothing drawn for nothing");
        let c = up(&rows, |i| i == 0);
        assert_eq!(c.bars[0].h, 160);
        assert_eq!(c.bars[0].y + c.bars[0].h, c.base);
        assert_eq!(c.ticks.len(), 1);
        let long = vec![("x".repeat(60), 1)];
        assert_eq!(across(&long).bars[0].shown.chars().count(), LABEL_CHARS);
    }
}
