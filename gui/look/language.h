#pragma once

#include <QObject>
#include <QTranslator>

namespace tusk {

/// The user interface language: English (the source) or Russian, from the embedded
/// translations. Follows the system locale unless the user chose one in View > Language;
/// switching installs the translators, and every widget retranslates itself on the
/// QEvent::LanguageChange that follows.
class Language : public QObject {
    Q_OBJECT
public:
    static Language *instance();

    /// `""` follows the system; `"en"`, `"ru"` choose one. Remembered in the settings.
    void setChoice(const QString &code);
    QString choice() const { return m_choice; }
    /// The language in use (`en` or `ru`).
    QString current() const { return m_current; }
    /// Applies the remembered choice (at start-up).
    void applySaved();

    /// Codes and their names in their own language, for the menu.
    static QList<QPair<QString, QString>> available();
    static QString systemLanguage();

signals:
    void changed(const QString &code);

private:
    Language() = default;
    void install(const QString &code);

    QString m_choice;
    QString m_current = QStringLiteral("en");
    QTranslator m_app;
    QTranslator m_qt;
    bool m_appInstalled = false;
    bool m_qtInstalled = false;
};

}  // namespace tusk
