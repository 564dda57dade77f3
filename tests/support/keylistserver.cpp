#include "tests/support/keylistserver.h"

#include "models/data/wireformat.h"
#include "tests/support/synthetickeys.h"

#include <QJsonDocument>

namespace knotie::test {

KeyListServer::KeyListServer(int keyCount) {
    m_server.setHandler([this](const FaultServer::Request &r) { return handle(r); });
    m_keys = syntheticKeys(keyCount);
    m_json.resize(keyCount);
    m_sequenceOf.fill(0, keyCount);
    for (int i = 0; i < keyCount; ++i)
        setJson(i);
}

void KeyListServer::setJson(int position) {
    m_json[position] = QJsonDocument(wire::toJson(m_keys[position])).toJson(QJsonDocument::Compact);
    if (m_sequenceOf[position])
        m_bySequence.erase(m_sequenceOf[position]);
    m_sequenceOf[position] = ++m_lastSequence;
    m_bySequence[m_lastSequence] = position;
}

void KeyListServer::change(const QList<int> &positions, const QString &newName) {
    for (int p : positions) {
        m_keys[p].name = newName;
        setJson(p);
    }
}

FaultServer::Response KeyListServer::handle(const FaultServer::Request &request) {
    if (m_fault)
        return *m_fault;
    if (request.path() == QLatin1String("/healthz"))
        return FaultServer::Response::json(200,
                                           R"({"status":"ok","service":"knotie-gateway","version":"test"})");
    if (request.path() != QLatin1String("/v1/keys"))
        return FaultServer::Response::error(404, "not_found");
    const QString since = request.queryItem(QStringLiteral("since"));
    qint64 after = 0;
    if (!since.isEmpty()) {
        bool ok = false;
        after = since.mid(1).toLongLong(&ok);
        if (!since.startsWith(QLatin1Char('c')) || !ok)
            return FaultServer::Response::error(422, "invalid_cursor");
    }
    const int limit = request.queryItem(QStringLiteral("limit")).isEmpty()
                          ? 1000
                          : request.queryItem(QStringLiteral("limit")).toInt();
    QByteArray body = R"({"keys":[)";
    qint64 last = after;
    int count = 0;
    auto it = m_bySequence.upper_bound(after);
    for (; it != m_bySequence.end() && count < limit; ++it, ++count) {
        if (count)
            body += ',';
        body += m_json[it->second];
        last = it->first;
    }
    m_keysServed += count;
    body += R"(],"cursor":"c)" + QByteArray::number(last) + R"(","has_more":)" +
            (it != m_bySequence.end() ? "true" : "false") + '}';
    return FaultServer::Response::json(200, body);
}

} // namespace knotie::test
