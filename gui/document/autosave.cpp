#include "autosave.h"

#include "document.h"
#include "projectjson.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUuid>

namespace tusk {

namespace {

QString dirOr(const QString &directory)
{
    return directory.isEmpty() ? AutoSave::defaultDirectory() : directory;
}

bool writeAtomically(const QString &fileName, const QByteArray &data)
{
    QSaveFile file(fileName);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size() && file.commit();
}

}  // namespace

AutoSave::AutoSave(Document *document, const QString &directory, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_directory(dirOr(directory))
    , m_id(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    QDir().mkpath(m_directory);
    // Locks of sessions that ended without writing anything are just litter.
    const QDir dir(m_directory);
    for (const QString &lockName : dir.entryList({QStringLiteral("*.lock")}, QDir::Files)) {
        if (QFile::exists(dir.filePath(lockName.chopped(5) + QStringLiteral(".json"))))
            continue;
        QLockFile stale(dir.filePath(lockName));
        stale.setStaleLockTime(0);
        if (stale.tryLock(0))
            stale.unlock();  // removes the file
    }
    m_lock = std::make_unique<QLockFile>(QDir(m_directory).filePath(m_id + QStringLiteral(".lock")));
    m_lock->setStaleLockTime(0);
    m_lock->tryLock(0);
    m_timer.setInterval(30 * 1000);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &AutoSave::saveNow);
    connect(document, &Document::changed, this, [this] {
        m_dirty = true;
        if (!m_timer.isActive())
            m_timer.start();
    });
    // Saved or reverted: nothing to recover.
    connect(document, &Document::modifiedChanged, this, [this](bool modified) {
        if (!modified)
            removeFiles();
    });
}

AutoSave::~AutoSave()
{
    // A normal end: nothing to offer next time.
    removeFiles();
    m_lock->unlock();
}

QString AutoSave::defaultDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        .filePath(QStringLiteral("recovery"));
}

QString AutoSave::recoveryFile() const
{
    return QDir(m_directory).filePath(m_id + QStringLiteral(".tusk"));
}

void AutoSave::saveNow()
{
    m_timer.stop();
    if (!m_document->isModified()) {
        removeFiles();
        return;
    }
    if (!m_dirty && QFile::exists(recoveryFile()))
        return;
    QJsonObject meta;
    meta.insert(QStringLiteral("file"), m_document->fileName());
    meta.insert(QStringLiteral("title"), m_document->displayName());
    meta.insert(QStringLiteral("saved"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    // The project first: a session without its metadata is never offered half-written.
    if (writeAtomically(recoveryFile(), projectToJson(m_document->projectForSave()))
        && writeAtomically(QDir(m_directory).filePath(m_id + QStringLiteral(".json")), QJsonDocument(meta).toJson()))
        m_dirty = false;
}

void AutoSave::removeFiles()
{
    m_timer.stop();
    QFile::remove(recoveryFile());
    QFile::remove(QDir(m_directory).filePath(m_id + QStringLiteral(".json")));
    m_dirty = false;
}

QList<AutoSave::Recovery> AutoSave::pending(const QString &directory)
{
    const QDir dir(dirOr(directory));
    QList<Recovery> found;
    for (const QString &metaName : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Time)) {
        const QString id = metaName.chopped(5);
        QLockFile lock(dir.filePath(id + QStringLiteral(".lock")));
        lock.setStaleLockTime(0);
        if (!lock.tryLock(0))
            continue;  // a running editor's session
        lock.unlock();
        QFile metaFile(dir.filePath(metaName));
        if (!metaFile.open(QIODevice::ReadOnly) || !QFile::exists(dir.filePath(id + QStringLiteral(".tusk"))))
            continue;
        const QJsonObject meta = QJsonDocument::fromJson(metaFile.readAll()).object();
        Recovery r;
        r.id = id;
        r.projectFile = dir.filePath(id + QStringLiteral(".tusk"));
        r.originalFile = meta.value(QStringLiteral("file")).toString();
        r.title = meta.value(QStringLiteral("title")).toString();
        r.savedAt = QDateTime::fromString(meta.value(QStringLiteral("saved")).toString(), Qt::ISODate).toLocalTime();
        found << r;
    }
    return found;
}

void AutoSave::discard(const Recovery &recovery, const QString &directory)
{
    const QDir dir(dirOr(directory));
    for (const char *ext : {".tusk", ".json", ".lock"})
        QFile::remove(dir.filePath(recovery.id + QLatin1String(ext)));
}

}  // namespace tusk
