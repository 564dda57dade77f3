#pragma once

#include "models/data/apikey.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>
#include <QUrl>

#include <QThread>

#include <functional>
#include <optional>

namespace knotie {

// Where a sync of one kind stopped (the gateway's opaque cursor) and when.
struct SyncMark {
    QString cursor;
    UnixTime syncedAt = 0;
};

// The last answer of a usage detail call (GET /v1/usage/endpoints or /v1/usage/keys) for
// one slot (what it was asked for), with the range it covers and when it came: what the
// tables beside the chart show while the gateway answers, and offline.
struct UsageAnswer {
    UnixTime from = 0;
    UnixTime to = 0;
    UnixTime fetchedAt = 0;
    QList<EndpointUsage> endpoints;
    QList<KeyUsage> keys; // totals and each key's series (the key table's sparklines)
    bool fromCache = false;
};

// The portal's local copy of one account's data at one gateway: a SQLite file in the
// user's data folder. It holds what the screens show (keys without secrets, customers,
// team, audit, usage buckets) and where each sync stopped, so the portal opens instantly
// and works offline.
//
// Use it from one thread (the data worker's): each thread gets its own named connection,
// created in that thread and removed there (by the destructor, or when the thread ends).
class Cache {
    Q_DECLARE_TR_FUNCTIONS(Cache)
public:
    enum class OpenStatus {
        Ok,
        Rebuilt, // the file was damaged: moved aside and started afresh (tell the person once)
        TooNew,  // written by a newer portal: refused, left untouched
        Failed,
    };
    struct OpenResult {
        OpenStatus status = OpenStatus::Failed;
        QString message; // for a person, unless Ok
        QString movedAsidePath;
    };

    explicit Cache(QString filePath);
    ~Cache();
    Cache(const Cache &) = delete;
    Cache &operator=(const Cache &) = delete;

    // <AppDataLocation>/cache/<gateway host_port>/<account id>.sqlite
    static QString defaultPath(const QUrl &gateway, const QString &accountId);
    static int schemaVersion();

    // Checks, migrates and opens. `targetVersion` below the current one is for writing
    // fixtures of old schemas only.
    OpenResult open(int targetVersion = schemaVersion());
    // The thorough check open() leaves out, so that a first screenful can be shown before
    // it: it reads every page, tens of milliseconds for a large account. A damaged file is
    // set aside and a fresh one opened in its place (Rebuilt).
    OpenResult checkIntegrity();
    // Opens, from this thread, a file another Cache has opened (checked and migrated): a
    // second writer on a thread of its own. False if the file cannot be opened.
    bool attach();
    bool isOpen() const { return m_open; }
    QString filePath() const { return m_path; }

    QSqlDatabase connection() const;
    // Runs `work` in one BEGIN IMMEDIATE transaction; commits if it returns true.
    bool write(const std::function<bool(QSqlDatabase &)> &work) const;

    // One batch of keys from a sync page and where the sync stands after it, in one
    // transaction: the cursor never runs ahead of the rows.
    bool storeKeys(const QList<ApiKey> &keys, const QString &syncName = {}, const SyncMark &mark = {});
    QList<ApiKey> loadKeys() const;
    // The `limit` most recently created keys, oldest first like loadKeys(): a first
    // screenful to show while the rest loads.
    QList<ApiKey> loadNewestKeys(int limit) const;
    std::optional<ApiKey> loadKey(const QString &id) const;
    int keyCount() const;

    bool replaceCustomers(const QList<Customer> &customers, UnixTime syncedAt);
    QList<Customer> loadCustomers() const;
    bool replaceTeam(const QList<TeamMember> &members, UnixTime syncedAt);
    QList<TeamMember> loadTeam() const;
    bool storeAudit(const QList<AuditEvent> &events, const SyncMark &mark);
    QList<AuditEvent> loadAudit(int limit = 10000) const; // newest first
    // Usage buckets per scope (UsageFilter::scope()). A bucket that ended at least
    // usageSettleSeconds before `fetchedAt` is final: the gateway records a call within 2
    // seconds (API.md) and this computer's clock may be a few minutes off the gateway's, so
    // such a bucket never changes and is never asked for again.
    static constexpr qint64 usageSettleSeconds = 300;
    bool storeUsage(const QString &scope, const UsageSeries &series, UnixTime fetchedAt);
    // `settledStarts`, if given, receives the starts of the final buckets among them.
    UsageSeries loadUsage(const QString &scope, BucketSize bucket, UnixTime from, UnixTime to,
                          QList<UnixTime> *settledStarts = nullptr) const;
    bool storeUsageAnswer(const QString &slot, const UsageAnswer &answer);
    std::optional<UsageAnswer> loadUsageAnswer(const QString &slot) const;

    SyncMark syncMark(const QString &name) const;
    bool setSyncMark(QSqlDatabase &db, const QString &name, const SyncMark &mark) const;
    // The newest sync time of any kind: "your data is from …".
    UnixTime lastSyncedAt() const;

    // Reads one row of `SELECT <keyColumns> FROM keys` into a key. Public for the model
    // benchmark's floor, which must read the same columns.
    static QString keyColumns();

private:
    void closeConnection();
    // Renames a damaged file out of the way; fills in what to tell the person.
    bool setAside(OpenResult *result);

    QString m_path;
    QString m_connectionName;
    mutable QThread *m_thread = nullptr;
    bool m_open = false;
};

} // namespace knotie
