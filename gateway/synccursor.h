#pragma once

#include "gateway/http/httpmessage.h"
#include "gateway/requestcontext.h"

#include <QSqlDatabase>

#include <optional>

namespace knotie::gateway {

// Sync cursors of GET /v1/keys and GET /v1/audit. A cursor is a position in the change
// sequence (gateway/changes.h): the next call returns the rows stamped after it. It is
// sealed with a key of this database, together with the partner and the list it belongs
// to, so a cursor from another database, partner or list, or an altered one, is refused
// (422 invalid_cursor) and the client knows to start over rather than silently missing
// changes.
enum class SyncStream { Keys, Audit };

struct PageRequest {
    qint64 since = 0;
    int limit = 1000;
};

// Reads `since` and `limit` from the query; on a bad one answers 422 and returns nothing.
std::optional<PageRequest> readPageRequest(const QSqlDatabase &db, const RequestContext &ctx,
                                           SyncStream stream, const Responder &respond);

QString encodeCursor(const QSqlDatabase &db, SyncStream stream, const QString &partnerId, qint64 position);

// The highest change number committed so far, read inside the caller's transaction.
qint64 lastChangeSequence(const QSqlDatabase &db);

} // namespace knotie::gateway
