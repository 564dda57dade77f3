#pragma once

#include "models/cache/cache.h"
#include "tests/support/synthetickeys.h"

#include <QFile>

namespace knotie::test {

// Writes a cache file of 2,000 keys, then overwrites its pages 3 to 10 (of 4 KiB): page 1,
// the header and schema, stays readable, so the file opens and only a check that reads
// every page finds the damage.
inline bool writeCacheWithDamagedPages(const QString &path) {
    {
        Cache cache(path);
        if (cache.open().status != Cache::OpenStatus::Ok)
            return false;
        const QList<ApiKey> keys = syntheticKeys(2000);
        if (!cache.storeKeys(keys))
            return false;
    } // the last connection closing folds the WAL into the file
    QFile f(path);
    if (QFile::exists(path + QStringLiteral("-wal")) || !f.open(QIODevice::ReadWrite) ||
        f.size() <= 10 * 4096)
        return false;
    return f.seek(2 * 4096) && f.write(QByteArray(8 * 4096, 'x')) == 8 * 4096;
}

} // namespace knotie::test
