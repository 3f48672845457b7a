#pragma once

#include "project.h"
#include "runevents.h"
#include "stepcode.h"

#include <QColor>
#include <QIcon>
#include <QPalette>

class QPainter;

namespace tusk {

/// The look of Tusk: the Fusion style with a calm light or dark palette, one accent colour,
/// the Okabe-Ito colours (distinguishable with every common colour-vision deficiency) for step
/// kinds and task states, and SVG icons drawn in the palette's colours at whatever size is
/// asked, so that they stay crisp at any scale and readable on either palette.
namespace Theme {

enum class Mode { System, Light, Dark };

/// Registers the icons and examples compiled into the tuskgui library (a static library's
/// resources are not registered by themselves). Safe to call more than once.
void initResources();

/// Sets the Fusion style and the palette of `mode` (System: dark when the platform's own
/// palette is dark). Widgets and icons follow through QEvent::PaletteChange.
void apply(Mode mode);
Mode mode();
bool isDark();
QPalette palette(bool dark);

QColor accent();

/// An icon from resources/icons/NAME.svg, drawn in the palette's text colour (or `color`).
QIcon icon(const QString &name, const QColor &color = {});
QIcon stepIcon(StepOp op);
QColor stepColor(StepOp op);
QIcon coroutineIcon();
/// The file name of a step kind's icon (`create_task`).
QString stepIconName(StepOp op);

/// Okabe-Ito, by name.
namespace OkabeIto {
inline const QColor Orange {0xE6, 0x9F, 0x00};
inline const QColor SkyBlue {0x56, 0xB4, 0xE9};
inline const QColor BluishGreen {0x00, 0x9E, 0x73};
inline const QColor Yellow {0xF0, 0xE4, 0x42};
inline const QColor Blue {0x00, 0x72, 0xB2};
inline const QColor Vermillion {0xD5, 0x5E, 0x00};
inline const QColor ReddishPurple {0xCC, 0x79, 0xA7};
inline const QColor Grey {0x99, 0x99, 0x99};
}  // namespace OkabeIto

/// The colour a task in `state` is drawn with in a run view (shapes and bars, not text):
/// at least 3:1 against the views' backgrounds in either theme.
QColor taskStateColor(TaskState state);
/// The "ready to run" check mark in the status bar: text colour on the window.
QColor readyColor();

/// Colours of the canvas for the current palette. Every colour text is drawn in meets WCAG AA
/// (4.5:1) against the background it is drawn on, in both themes (tst_contrast checks each pair).
struct Canvas {
    QColor background;
    QColor grid;
    QColor nodeFill;
    QColor nodeBorder;
    QColor headerFill;
    QColor text;
    QColor mutedText;
    QColor selection;
    QColor rowHover;
    QColor rowSelected;
    QColor arrow;
    QColor error;  ///< problems and error lines: text on the window, a view's base or a node
    QColor errorTint;  ///< behind a row with a problem
    QColor warning;  ///< warning lines in the console (text on the base)
    QColor accentText;  ///< the accent as text on a node's header (the entry point's caption)
    QColor dropIndicator;
    QColor shadow;
};
Canvas canvas();
QColor codeColor(CodeSpan::Role role);
/// The round "!" that marks a row or a node validation complains about.
void paintProblemMarker(QPainter *painter, const QPointF &centre);

}  // namespace Theme

}  // namespace tusk
