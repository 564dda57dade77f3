#pragma once

#include "models/data/apikey.h"
#include "tests/support/faultserver.h"

#include <map>

namespace knotie::test {

// Speaks the key listing of API.md (GET /v1/keys with since/limit/cursor/has_more, and
// /healthz) over a FaultServer, for the sizes the demo gateway does not hold: the keys
// are syntheticKeys() (tests/support/synthetickeys.h), each one's JSON built once. change() edits keys and
// moves them to the end of the change sequence, as the gateway does.
class KeyListServer {
public:
    explicit KeyListServer(int keyCount);

    bool listen() { return m_server.listen(); }
    QUrl url() const { return m_server.url(); }
    FaultServer &server() { return m_server; }
    const QList<ApiKey> &keys() const { return m_keys; }
    // Renames the keys at these positions (a change the next incremental sync returns).
    void change(const QList<int> &positions, const QString &newName);
    // Answers every request with this instead, while set (a fault in the middle of a sync).
    void setFault(std::optional<FaultServer::Response> fault) { m_fault = std::move(fault); }
    int keysServed() const { return m_keysServed; }

private:
    FaultServer::Response handle(const FaultServer::Request &request);
    void setJson(int position);

    FaultServer m_server;
    QList<ApiKey> m_keys;
    QList<QByteArray> m_json;
    QList<qint64> m_sequenceOf;
    std::map<qint64, int> m_bySequence;
    qint64 m_lastSequence = 0;
    std::optional<FaultServer::Response> m_fault;
    int m_keysServed = 0;
};

} // namespace knotie::test
