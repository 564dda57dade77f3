#pragma once

#include "models/data/apikey.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

namespace knotie {

// "Keys that deserve attention": the help article's hygiene advice, as rules. Each rule is
// one function in keyhygiene.cpp; docs/architecture.md ("Key hygiene") says why each
// threshold is what it is.

// In order of urgency: a jump in errors first, an old key last.
enum class AttentionReason { ErrorJump, Unused, OnlyReads, NoExpiry, Old };

// One entry per key, with every reason that applies to it, most urgent first.
struct KeyAttention {
    QString keyId;
    QList<AttentionReason> reasons;
    bool has(AttentionReason reason) const { return reasons.contains(reason); }
    bool operator==(const KeyAttention &) const = default;
};

struct AttentionInput {
    QList<ApiKey> keys; // retired keys are skipped
    UnixTime now = 0;
    // Partner keys whose every call in the last 30 days was a GET: how many calls they made.
    QHash<QString, qint64> onlyReadsIn30Days;
    // Per key: the last 24 hours and the 7 days before them (GET /v1/usage/keys).
    QHash<QString, KeyUsage> lastDay;
    QHash<QString, KeyUsage> weekBefore;
};

namespace hygiene {
constexpr qint64 oldAgeSeconds = 90 * 86400;
constexpr qint64 unusedSeconds = 90 * 86400;
// A jump needs this many errors in the last day, and a rate at least double the week
// before's and 10 points above it: a handful of failures is not a trend.
constexpr qint64 errorJumpMinErrors = 5;
// "Only GETs" says something only about a key that has been in use a while and often
// enough: a key minutes old after one call has not shown what it is for.
constexpr qint64 onlyReadsMinAgeSeconds = 7 * 86400;
constexpr qint64 onlyReadsMinCalls = 100;
} // namespace hygiene

// Keys most in need first (by their most urgent reason), then in the order of `input.keys`.
QList<KeyAttention> keysNeedingAttention(const AttentionInput &input);
// How many calls the endpoints made when every one of them was a GET; 0 otherwise.
qint64 onlyReadCalls(const QList<EndpointUsage> &endpoints);

struct AttentionText {
    Q_DECLARE_TR_FUNCTIONS(AttentionText)
public:
    // One line: what is wrong and what to do.
    static QString reason(AttentionReason reason);
    // Every reason, one per line (the row's text and tooltip).
    static QString reasons(const QList<AttentionReason> &reasons);
    // The name a Read-Only successor is offered: "N8N Production (read-only)".
    static QString readOnlyName(const QString &name);
};

} // namespace knotie
