#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>

namespace tusk {

Language *Language::instance()
{
    static Language *language = new Language;  // lives as long as the application
    return language;
}

QList<QPair<QString, QString>> Language::available()
{
    return {{QStringLiteral("en"), QStringLiteral("English")}, {QStringLiteral("ru"), QStringLiteral("Русский")}};
}

QString Language::systemLanguage()
{
    return QLocale::system().language() == QLocale::Russian ? QStringLiteral("ru") : QStringLiteral("en");
}

void Language::applySaved()
{
    m_choice = QSettings().value(QStringLiteral("language")).toString();
    install(m_choice.isEmpty() ? systemLanguage() : m_choice);
}

void Language::setChoice(const QString &code)
{
    m_choice = code;
    QSettings settings;
    if (code.isEmpty())
        settings.remove(QStringLiteral("language"));
    else
        settings.setValue(QStringLiteral("language"), code);
    install(code.isEmpty() ? systemLanguage() : code);
}

void Language::install(const QString &code)
{
    if (m_appInstalled)
        QCoreApplication::removeTranslator(&m_app);
    if (m_qtInstalled)
        QCoreApplication::removeTranslator(&m_qt);
    m_appInstalled = m_qtInstalled = false;
    m_current = QStringLiteral("en");
    if (code != QLatin1String("en")) {
        // Tusk's own strings are embedded; Qt's (dialog buttons, the undo menu's "Undo %1") come
        // from the system's Qt translations when they are installed.
        if (m_app.load(QStringLiteral(":/i18n/tusk_%1.qm").arg(code))) {
            m_appInstalled = QCoreApplication::installTranslator(&m_app);
            m_current = code;
        }
        if (m_qt.load(QStringLiteral("qtbase_%1").arg(code), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            m_qtInstalled = QCoreApplication::installTranslator(&m_qt);
    }
    QLocale::setDefault(QLocale(m_current == QLatin1String("ru") ? QLocale::Russian : QLocale::English));
    emit changed(m_current);
}

}  // namespace tusk
