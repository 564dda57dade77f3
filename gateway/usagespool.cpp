#include "gateway/usagespool.h"

#include "gateway/usage.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSaveFile>

#include <algorithm>
#include <charconv>
#include <cstring>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace knotie::gateway {

Q_LOGGING_CATEGORY(lcSpool, "knotie.gateway.spool")

namespace {

QString segmentName(quint64 boot, int segment) {
    return QStringLiteral("%1-%2.spool")
        .arg(boot, 16, 16, QLatin1Char('0'))
        .arg(segment, 6, 10, QLatin1Char('0'));
}

char *writeNumber(char *to, qint64 value) {
    return std::to_chars(to, to + 20, value).ptr;
}

// The fields are ASCII but for a route template's decoded segments: those go through UTF-8.
char *writeText(char *to, const QString &text) {
    if (std::any_of(text.begin(), text.end(), [](QChar c) { return c.unicode() >= 0x80; })) {
        const QByteArray utf8 = text.toUtf8();
        std::memcpy(to, utf8.constData(), static_cast<size_t>(utf8.size()));
        return to + utf8.size();
    }
    return std::transform(text.begin(), text.end(), to, [](QChar c) { return char(c.unicode()); });
}

// One record a line, tab-separated. Ids, methods, route templates and error codes never
// hold a tab or a line break (ids are `[A-Za-z0-9_-]`, methods are normalised, routes are
// templates, codes `[a-z_]`). The last two fields (error code, counted as usage) came with
// migration 5; a line of the eight older fields is read as a counted success or error
// without a code, so an upgrade replays what the previous version spooled.
//
// The most bytes encode() writes for `r`: four numbers of at most 20 characters, at most three
// bytes of UTF-8 for each UTF-16 unit of text, the method, nine tabs, the flag and the line break.
qsizetype encodedRoom(const UsageRecord &r) {
    return 4 * 20 + 3 * (r.partnerId.size() + r.keyId.size() + r.route.size() + r.errorCode.size()) +
           r.method.size() + 11;
}

// Writes `r`'s line at `to`, which has encodedRoom() bytes, and returns where it ended: straight
// into the segment's mapping, since an append call per field was most of the record's cost.
char *encode(const UsageRecord &r, char *to) {
    to = writeNumber(to, r.sequence);
    *to++ = '\t';
    to = writeText(to, r.partnerId);
    *to++ = '\t';
    to = writeText(to, r.keyId);
    *to++ = '\t';
    to = writeNumber(to, r.at);
    *to++ = '\t';
    std::memcpy(to, r.method.constData(), static_cast<size_t>(r.method.size()));
    to += r.method.size();
    *to++ = '\t';
    to = writeText(to, r.route);
    *to++ = '\t';
    to = writeNumber(to, r.status);
    *to++ = '\t';
    to = writeNumber(to, r.latencyMicros);
    *to++ = '\t';
    to = writeText(to, r.errorCode);
    *to++ = '\t';
    *to++ = r.countsAsUsage ? '1' : '0';
    *to++ = '\n';
    return to;
}

std::optional<UsageRecord> decode(QByteArrayView line) {
    const QList<QByteArray> f = line.toByteArray().split('\t');
    if (f.size() != 8 && f.size() != 10)
        return std::nullopt;
    bool ok[5] = {};
    UsageRecord r;
    r.sequence = f[0].toLongLong(&ok[0]);
    r.partnerId = QString::fromUtf8(f[1]);
    r.keyId = QString::fromUtf8(f[2]);
    r.at = f[3].toLongLong(&ok[1]);
    r.method = f[4];
    r.route = QString::fromUtf8(f[5]);
    r.status = f[6].toInt(&ok[2]);
    r.latencyMicros = f[7].toLongLong(&ok[3]);
    ok[4] = !r.keyId.isEmpty() && !r.partnerId.isEmpty();
    if (f.size() == 10) {
        r.errorCode = QString::fromUtf8(f[8]);
        r.countsAsUsage = f[9] != "0";
    }
    if (!std::all_of(std::begin(ok), std::end(ok), [](bool b) { return b; }))
        return std::nullopt;
    return r;
}

} // namespace

UsageSpool::~UsageSpool() {
    closeSegment(m_live);
    for (Segment &filled : m_filled)
        closeSegment(filled);
    // A spare holds no records: it goes (a crash leaves it to the next start, which reads
    // nothing from it and deletes it with the rest).
    if (m_spare.fd >= 0) {
        closeSegment(m_spare);
        QFile::remove(m_spare.file);
    }
}

QString UsageSpool::instanceId(const QString &directory, QString *error) {
    if (!QDir().mkpath(directory)) {
        *error = QStringLiteral("cannot create the usage spool folder %1").arg(directory);
        return {};
    }
    QFile::setPermissions(directory,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QFile idFile(QDir(directory).filePath(QStringLiteral("instance")));
    QString instance;
    if (idFile.open(QIODevice::ReadOnly))
        instance = QString::fromLatin1(idFile.readAll().trimmed());
    if (instance.isEmpty()) {
        instance = QString::number(QRandomGenerator::system()->generate64(), 16);
        QSaveFile save(idFile.fileName());
        if (!save.open(QIODevice::WriteOnly) || save.write(instance.toLatin1() + '\n') < 0 ||
            !save.commit()) {
            *error = QStringLiteral("cannot write %1").arg(idFile.fileName());
            return {};
        }
    }
    return instance;
}

bool UsageSpool::open(const QString &directory, QString *error) {
    m_directory = directory;
    m_instance = instanceId(directory, error);
    if (m_instance.isEmpty())
        return false;
    // 63 bits: the boot is stored as a signed 64-bit integer.
    m_boot = QRandomGenerator::system()->generate64() >> 1;
    m_live = createSegment(m_nextSegment++, error);
    if (m_live.fd < 0)
        return false;
    // Its pages are faulted in by the writer's first turn, not here: 5 to 8 ms of every start.
    m_firstUnpopulated = m_live.mapped;
    return true;
}

UsageSpool::Segment UsageSpool::createSegment(int number, QString *error) const {
    Segment segment{QDir(m_directory).filePath(segmentName(m_boot, number))};
    segment.fd = ::open(QFile::encodeName(segment.file).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    void *mapped = MAP_FAILED;
    if (segment.fd >= 0 && ::ftruncate(segment.fd, segmentBytes) == 0)
        mapped = ::mmap(nullptr, segmentBytes, PROT_READ | PROT_WRITE, MAP_SHARED, segment.fd, 0);
    if (mapped == MAP_FAILED) {
        if (error)
            *error = QStringLiteral("cannot create %1").arg(segment.file);
        if (segment.fd >= 0)
            ::close(segment.fd);
        segment.fd = -1;
        return segment;
    }
    segment.mapped = static_cast<char *>(mapped);
    return segment;
}

void UsageSpool::populate(char *mapped) {
    // Linux 5.14 and later; elsewhere the pages fault in as records are copied, as before.
    // Safe beside appends into the same pages: it changes no byte.
    ::madvise(mapped, segmentBytes, MADV_POPULATE_WRITE);
}

void UsageSpool::closeSegment(Segment &segment) {
    if (segment.fd < 0)
        return;
    ::munmap(segment.mapped, segmentBytes);
    segment.mapped = nullptr;
    if (::ftruncate(segment.fd, segment.size) != 0)
        qCWarning(lcSpool) << "cannot trim a usage spool segment";
    ::close(segment.fd);
    segment.fd = -1;
}

bool UsageSpool::append(UsageRecord &record) {
    record.sequence = ++m_sequence;
    if (m_live.fd < 0)
        return false;
    if (m_live.size + encodedRoom(record) > segmentBytes && !startNextSegment()) {
        qCWarning(lcSpool) << "cannot start a usage spool segment";
        return false;
    }
    m_live.size = encode(record, m_live.mapped + m_live.size) - m_live.mapped;
    return true;
}

bool UsageSpool::startNextSegment() {
    m_closed.append({m_live.file, m_sequence - 1});
    std::unique_lock lock(m_segmentsMutex);
    m_filled.append(std::exchange(m_live, {}));
    if (m_spare.fd >= 0) {
        m_live = std::exchange(m_spare, {});
        return true;
    }
    // None made yet (the writer makes one every 250 ms at most): made here, its pages left to
    // fault in as records come.
    const int number = m_nextSegment++;
    lock.unlock();
    m_live = createSegment(number, nullptr);
    return m_live.fd >= 0;
}

void UsageSpool::prepareSegments() {
    QList<Segment> filled;
    char *first = nullptr;
    int number = -1;
    {
        const std::lock_guard lock(m_segmentsMutex);
        filled = std::exchange(m_filled, {});
        first = std::exchange(m_firstUnpopulated, nullptr);
        if (m_spare.fd < 0 && !m_directory.isEmpty())
            number = m_nextSegment++;
    }
    // Still mapped even if appends have filled it meanwhile: only this closes full segments.
    if (first)
        populate(first);
    for (Segment &segment : filled)
        closeSegment(segment);
    if (number < 0)
        return;
    Segment spare = createSegment(number, nullptr);
    if (spare.fd < 0)
        return; // the next segment is tried again where it is needed, with a warning there
    populate(spare.mapped);
    {
        const std::lock_guard lock(m_segmentsMutex);
        // Unless an append made the next segment itself meanwhile: segments are used in the
        // order of their names, which is the order a replay reads them in.
        if (m_nextSegment == number + 1) {
            m_spare = std::move(spare);
            return;
        }
    }
    closeSegment(spare);
    QFile::remove(spare.file);
}

QStringList UsageSpool::takeCountedThrough(qint64 sequence) {
    QStringList counted;
    while (!m_closed.isEmpty() && m_closed.first().lastSequence <= sequence)
        counted.append(m_closed.takeFirst().file);
    return counted;
}

QList<UsageSpool::Leftover> UsageSpool::leftovers() const {
    QList<Leftover> result;
    const QString own = QStringLiteral("%1-").arg(m_boot, 16, 16, QLatin1Char('0'));
    const QStringList files =
        QDir(m_directory).entryList({QStringLiteral("*.spool")}, QDir::Files, QDir::Name);
    for (const QString &name : files) {
        if (name.startsWith(own))
            continue;
        bool ok = false;
        const quint64 boot = name.section(QLatin1Char('-'), 0, 0).toULongLong(&ok, 16);
        if (!ok)
            continue;
        if (result.isEmpty() || result.last().boot != boot)
            result.append(Leftover{boot, {}, {}});
        Leftover &leftover = result.last();
        const QString path = QDir(m_directory).filePath(name);
        leftover.files.append(path);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = file.readAll();
        // A line without its line break was cut short by the kill: its answer was never sent.
        // After it come the zeros of the segment's unused tail.
        qsizetype start = 0;
        for (qsizetype end = bytes.indexOf('\n'); end >= 0; start = end + 1, end = bytes.indexOf('\n', start))
            if (auto record = decode(QByteArrayView(bytes).sliced(start, end - start))) {
                record->boot = boot;
                leftover.records.append(std::move(*record));
            }
    }
    return result;
}

void UsageSpool::remove(const QStringList &files) {
    for (const QString &file : files)
        QFile::remove(file);
}

} // namespace knotie::gateway
