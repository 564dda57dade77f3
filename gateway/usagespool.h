#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstdio>
#include <functional>
#include <mutex>

namespace knotie::gateway {

struct UsageRecord;

// Where a usage record came from, unique across every gateway that ever shares a database:
// the instance (one per --data folder, kept in the spool folder), the boot (a random number
// per process start) and the record's sequence number within that boot (1, 2, ...).
struct SpoolPosition {
    QString instance;
    quint64 boot = 0;
    qint64 sequence = 0;
};

// The local append-only log of answered requests' usage (API.md v1.1: usage survives
// SIGKILL). A record is appended before its answer is sent, by copying it into a shared
// memory mapping of the segment file: the bytes are in the page cache at once, so a killed
// process leaves them to the next start, and an append costs no system call (a write(2) per
// request was 6 % of the gateway's CPU). No fsync: power loss may lose the last moments. The
// next start replays every record the database has not yet counted. The database keeps, per
// (instance, boot), the highest sequence it has counted, in the same transaction as the
// counts, so a replay counts each record exactly once. Files are segments `<boot>-<n>.spool`
// of at most `segmentBytes` (a live segment is that long, its unused tail zeros; a full one
// is cut to its records, and the next one made ahead: prepareSegments); one whose every record
// is counted is deleted. See docs/architecture.md.
class UsageSpool {
public:
    static constexpr qint64 segmentBytes = 8 * 1024 * 1024;

    UsageSpool() = default;
    ~UsageSpool();
    UsageSpool(const UsageSpool &) = delete;
    UsageSpool &operator=(const UsageSpool &) = delete;

    // Creates the folder and the instance id on first use, starts a new boot.
    bool open(const QString &directory, QString *error);
    // The instance id kept in the spool folder, made (with the folder) on first use; empty
    // (and `error` set) when it cannot be. The default name of the instance in its logs.
    static QString instanceId(const QString &directory, QString *error);
    const QString &instance() const { return m_instance; }
    quint64 boot() const { return m_boot; }

    // Appends `record` with the next sequence number (stored in `record`). Not thread-safe:
    // the caller serialises, so sequence order is also the order records are counted in.
    bool append(UsageRecord &record);
    // Makes the next segment ready (created, sized and its pages faulted in for writing) and
    // closes the segments appends have filled. The usage writer calls it between flushes, not
    // under the lock its callers of append() share, so an append only copies bytes: a page
    // fault on the mapping (one per 4 KiB, about 40 records) or a segment's system calls kept
    // every other serving thread waiting for that lock. Safe beside append().
    void prepareSegments();
    // Lets go of the segments of this boot that hold only records counted up to `sequence`
    // and returns their files, for the caller to remove() once it has let go of its lock.
    QStringList takeCountedThrough(qint64 sequence);

    // Records of earlier boots of this instance, oldest segment first, each with its
    // position; `countedThrough(boot)` says which sequence the database counted already.
    struct Leftover {
        quint64 boot = 0;
        QList<UsageRecord> records;
        QStringList files;
    };
    QList<Leftover> leftovers() const;
    static void remove(const QStringList &files);

private:
    struct Segment {
        QString file;
        int fd = -1;
        char *mapped = nullptr; // segmentBytes long
        qint64 size = 0;        // bytes of records in it
    };
    Segment createSegment(int number, QString *error) const;
    static void populate(char *mapped);
    // Cuts the segment to its records, so a replay reads no zeros (a crash before this
    // leaves them, which the replay skips as it skips a line cut short), and lets go of it.
    static void closeSegment(Segment &segment);
    bool startNextSegment();

    QString m_directory;
    QString m_instance;
    quint64 m_boot = 0;
    Segment m_live;
    qint64 m_sequence = 0;
    std::mutex m_segmentsMutex; // the three below, shared with prepareSegments()
    int m_nextSegment = 0;
    Segment m_spare;                    // made ahead by prepareSegments(), for the next append to start
    QList<Segment> m_filled;            // to close
    char *m_firstUnpopulated = nullptr; // open()'s segment, whose pages prepareSegments() faults in
    struct Closed {
        QString file;
        qint64 lastSequence = 0;
    };
    QList<Closed> m_closed; // this boot's full segments, oldest first
};

} // namespace knotie::gateway
