#pragma once

#include "stepcode.h"

namespace tusk {

/// Sizes of a coroutine node on the canvas, shared by the node that draws itself and the
/// automatic layout that has to know how tall a node will be before it exists.
namespace NodeMetrics {
constexpr qreal kMinWidth = 230;
constexpr qreal kMaxWidth = 288;  ///< keeps a gap for arrows between nodes 320 apart, as examples place them
constexpr qreal kHeaderHeight = 44;
constexpr qreal kRowHeight = 26;
constexpr qreal kIndent = 18;
constexpr qreal kPadding = 10;  ///< left and right padding of rows
constexpr qreal kBodyTop = 6;  ///< space between the header and the first row
constexpr qreal kBodyBottom = 8;
constexpr qreal kIconSize = 16;
constexpr qreal kPortRadius = 5;
constexpr qreal kCornerRadius = 8;

inline qreal heightFor(std::size_t lineCount)
{
    return kHeaderHeight + kBodyTop + qreal(lineCount) * kRowHeight + kBodyBottom;
}
inline qreal heightFor(const Coroutine &coroutine)
{
    return heightFor(displayLines(coroutine).size());
}
}  // namespace NodeMetrics

}  // namespace tusk
