#pragma once

#include <QDateTime>
#include <QLockFile>
#include <QObject>
#include <QTimer>
#include <memory>

namespace tusk {

class Document;

/// Writes unsaved changes to a recovery file every little while, so that a crash loses at
/// most that much work. Each running editor owns one session in the recovery directory: the
/// project (`ID.tusk`), what it was (`ID.json`: its file name and title) and a lock (`ID.lock`)
/// held while it runs. A session whose lock nobody holds was left by a crash and is offered
/// for recovery at the next start.
class AutoSave : public QObject {
    Q_OBJECT
public:
    struct Recovery {
        QString projectFile;  ///< the recovered `.tusk` text
        QString originalFile;  ///< where the project was saved before, or empty
        QString title;
        QDateTime savedAt;
        QString id;
    };

    /// `directory` empty: the standard one under the user's application data.
    explicit AutoSave(Document *document, const QString &directory = {}, QObject *parent = nullptr);
    ~AutoSave() override;

    static QString defaultDirectory();
    QString directory() const { return m_directory; }
    void setInterval(int ms) { m_timer.setInterval(ms); }

    /// Writes the recovery file now if there are unsaved changes; removes it if there are none.
    void saveNow();
    QString recoveryFile() const;

    /// Sessions left behind by editors that did not close normally.
    static QList<Recovery> pending(const QString &directory = {});
    static void discard(const Recovery &recovery, const QString &directory = {});

private:
    void removeFiles();

    Document *m_document;
    QString m_directory;
    QString m_id;
    std::unique_ptr<QLockFile> m_lock;
    QTimer m_timer;
    bool m_dirty = false;
};

}  // namespace tusk
