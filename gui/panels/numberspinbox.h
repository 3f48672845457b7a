#pragma once

#include "value.h"

#include <QAbstractSpinBox>

namespace tusk {

/// A spin box for a number literal that keeps what the user wrote: `1` stays an int and `1.0`
/// a float (Python prints them differently). The arrows step by 1 for an int and by the last
/// decimal place for a float (0.5 → 0.6), so a value can be set with the mouse alone. Shown
/// with the UI language's decimal separator (`0,5` in Russian); either separator is read.
class NumberSpinBox : public QAbstractSpinBox {
    Q_OBJECT
public:
    explicit NumberSpinBox(QWidget *parent = nullptr);

    void setValue(const Value &value);
    /// The number written, or None while the text is not a number.
    Value value() const;

    /// Parses `1`, `-2`, `0.5`, `1e-3` as Python would read them from JSON (and `0,5`).
    static bool parse(const QString &text, Value *out);

    void stepBy(int steps) override;
    QValidator::State validate(QString &input, int &pos) const override;

signals:
    /// The user changed the number (typing or arrows); `typing` edits may merge.
    void valueEdited(const tusk::Value &value, bool typing);

protected:
    StepEnabled stepEnabled() const override;
    void changeEvent(QEvent *event) override;

private:
    bool m_settingText = false;
};

}  // namespace tusk
