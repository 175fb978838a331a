//! The SVG charts of the HTML report, drawn with plotters' SVG backend: deployments
//! and failures per period, change failure rate and MTTR over time against their
//! targets, and the distribution of lead times.

use plotters::coord::Shift;
use plotters::prelude::*;
use release_history::history::PeriodFigures;
use release_history::Report;

const SIZE: (u32, u32) = (720, 320);
const BLUE: RGBColor = RGBColor(0x2b, 0x6c, 0xb0);
const RED: RGBColor = RGBColor(0xc5, 0x30, 0x30);
const GREY: RGBColor = RGBColor(0x71, 0x80, 0x96);

/// A chart's SVG text, or why it could not be drawn.
type Svg = Result<String, String>;

/// Draw into an SVG string.
fn svg(draw: impl FnOnce(&DrawingArea<SVGBackend<'_>, Shift>) -> Result<(), String>) -> Svg {
    let mut text = String::new();
    {
        let root = SVGBackend::with_string(&mut text, SIZE).into_drawing_area();
        root.fill(&WHITE).map_err(|e| e.to_string())?;
        draw(&root)?;
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(text)
}

fn label(periods: &[PeriodFigures], x: f64) -> String {
    let i = x.round();
    if (x - i).abs() > 0.01 || i < 0.0 {
        return String::new();
    }
    periods
        .get(i as usize)
        .map_or_else(String::new, |p| p.period.clone())
}

/// Deployments (blue) and failures (red) per period.
pub fn deployments(report: &Report) -> Svg {
    let periods = &report.periods;
    svg(|root| {
        let max = periods
            .iter()
            .map(|p| p.metrics.deployments)
            .max()
            .unwrap_or(0) as f64;
        let mut chart = ChartBuilder::on(root)
            .caption("Deployments and failures per period", ("sans-serif", 18))
            .margin(12)
            .x_label_area_size(36)
            .y_label_area_size(44)
            .build_cartesian_2d(-0.5..(periods.len() as f64 - 0.5), 0.0..(max + 1.0))
            .map_err(|e| e.to_string())?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(periods.len().min(24))
            .x_label_formatter(&|x| label(periods, *x))
            .y_desc("deployments")
            .draw()
            .map_err(|e| e.to_string())?;
        let bars = |width: f64, value: fn(&PeriodFigures) -> usize, color: RGBColor| {
            periods.iter().enumerate().map(move |(i, p)| {
                let x = i as f64;
                Rectangle::new(
                    [(x - width, 0.0), (x + width, value(p) as f64)],
                    color.filled(),
                )
            })
        };
        chart
            .draw_series(bars(0.35, |p| p.metrics.deployments, BLUE))
            .map_err(|e| e.to_string())?
            .label("deployments")
            .legend(|(x, y)| Rectangle::new([(x, y - 5), (x + 10, y + 5)], BLUE.filled()));
        chart
            .draw_series(bars(0.2, |p| p.metrics.failures, RED))
            .map_err(|e| e.to_string())?
            .label("failures (rolled back or failed)")
            .legend(|(x, y)| Rectangle::new([(x, y - 5), (x + 10, y + 5)], RED.filled()));
        chart
            .configure_series_labels()
            .background_style(WHITE.mix(0.8))
            .border_style(GREY)
            .draw()
            .map_err(|e| e.to_string())
    })
}

/// A figure per period as a line, with its target as a flat grey line.
fn over_time(
    report: &Report,
    caption: &str,
    unit: &str,
    value: impl Fn(&PeriodFigures) -> Option<f64>,
    target: Option<f64>,
) -> Svg {
    let periods = &report.periods;
    let points: Vec<(f64, f64)> = periods
        .iter()
        .enumerate()
        .filter_map(|(i, p)| value(p).map(|v| (i as f64, v)))
        .collect();
    svg(|root| {
        let top = points
            .iter()
            .map(|p| p.1)
            .chain(target)
            .fold(0.0_f64, f64::max)
            .max(1.0)
            * 1.15;
        let mut chart = ChartBuilder::on(root)
            .caption(caption, ("sans-serif", 18))
            .margin(12)
            .x_label_area_size(36)
            .y_label_area_size(52)
            .build_cartesian_2d(-0.5..(periods.len() as f64 - 0.5), 0.0..top)
            .map_err(|e| e.to_string())?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(periods.len().min(24))
            .x_label_formatter(&|x| label(periods, *x))
            .y_desc(unit)
            .draw()
            .map_err(|e| e.to_string())?;
        chart
            .draw_series(LineSeries::new(
                points.iter().copied(),
                BLUE.stroke_width(2),
            ))
            .map_err(|e| e.to_string())?
            .label(caption.to_lowercase())
            .legend(|(x, y)| PathElement::new([(x, y), (x + 12, y)], BLUE.stroke_width(2)));
        chart
            .draw_series(points.iter().map(|&p| Circle::new(p, 4, BLUE.filled())))
            .map_err(|e| e.to_string())?;
        if let Some(target) = target {
            let ends = [(-0.5, target), (periods.len() as f64 - 0.5, target)];
            chart
                .draw_series(LineSeries::new(ends, RED.stroke_width(1)))
                .map_err(|e| e.to_string())?
                .label("target")
                .legend(|(x, y)| PathElement::new([(x, y), (x + 12, y)], RED));
        }
        chart
            .configure_series_labels()
            .background_style(WHITE.mix(0.8))
            .border_style(GREY)
            .draw()
            .map_err(|e| e.to_string())
    })
}

/// The change failure rate per period, in percent, against its target.
pub fn change_failure_rate(report: &Report, target_percent: Option<f64>) -> Svg {
    over_time(
        report,
        "Change failure rate",
        "%",
        |p| p.metrics.change_failure_rate.map(|r| r * 100.0),
        target_percent,
    )
}

/// MTTR per period, in minutes, against its target.
pub fn mttr(report: &Report, target_minutes: Option<f64>) -> Svg {
    over_time(
        report,
        "Mean time to recovery",
        "minutes",
        |p| p.metrics.mttr_minutes,
        target_minutes,
    )
}

/// How many commits had each lead time, in up to 20 equal bins (hours).
pub fn lead_times(samples: &[f64]) -> Svg {
    let hours: Vec<f64> = samples.iter().map(|m| m / 60.0).collect();
    let low = hours.iter().copied().fold(f64::INFINITY, f64::min).min(0.0);
    let high = hours.iter().copied().fold(0.0_f64, f64::max);
    let bins = 20usize;
    let width = ((high - low) / bins as f64).max(1.0 / 60.0);
    let mut counts = vec![0usize; bins];
    for h in &hours {
        let i = (((h - low) / width) as usize).min(bins - 1);
        counts[i] += 1;
    }
    svg(|root| {
        let max = counts.iter().copied().max().unwrap_or(0) as f64;
        let mut chart = ChartBuilder::on(root)
            .caption("Lead time for changes (commits)", ("sans-serif", 18))
            .margin(12)
            .x_label_area_size(36)
            .y_label_area_size(44)
            .build_cartesian_2d(low..(low + width * bins as f64), 0.0..(max + 1.0))
            .map_err(|e| e.to_string())?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_desc("hours from commit to deployment")
            .y_desc("commits")
            .draw()
            .map_err(|e| e.to_string())?;
        chart
            .draw_series(counts.iter().enumerate().map(|(i, &n)| {
                let x = low + width * i as f64;
                Rectangle::new([(x, 0.0), (x + width * 0.9, n as f64)], BLUE.filled())
            }))
            .map_err(|e| e.to_string())?;
        Ok(())
    })
}
