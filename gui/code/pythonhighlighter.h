#pragma once

#include <QSyntaxHighlighter>

namespace tusk {

/// Colours Python in the code view as the canvas colours a step's line (Theme::codeColor):
/// keywords, calls, strings (triple-quoted ones across lines), numbers, comments. Colouring
/// only: what the code means is read by CPython's parser, never here.
class PythonHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    explicit PythonHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;
};

}  // namespace tusk
