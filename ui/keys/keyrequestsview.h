#pragma once

#include "models/data/apikey.h"
#include "models/network/callerjobs.h"
#include "models/network/gatewayconnection.h"

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QStandardItemModel;
class QTableView;

namespace knotie {

// "Why are my calls failing?": a key's latest requests (GET /v1/keys/{id}/requests) with
// each error explained in plain words and its fix (models/callers/errorexplanations.h).
// Loads asynchronously on show and on Refresh; a widget of its own, so a dialog or a key
// details panel can hold it.
class KeyRequestsView : public QWidget {
    Q_OBJECT
public:
    enum Column { Time, Method, Route, Status, ErrorCode, Latency, ColumnCount };
    static constexpr int requestLimit = 500;

    KeyRequestsView(GatewayConnection connection, ApiKey key, QWidget *parent = nullptr);

    void setKey(const ApiKey &key);
    void reload();
    bool isLoading() const { return m_job != nullptr; }

Q_SIGNALS:
    void loaded();

private:
    void showRows();
    void explainCurrent();

    GatewayConnection m_connection;
    ApiKey m_key;
    QList<KeyRequest> m_requests;
    QList<KeyRequest> m_shown;
    QPointer<KeyRequestsJob> m_job;
    QCheckBox *m_errorsOnly;
    QLabel *m_status;
    QTableView *m_table;
    QStandardItemModel *m_model;
    QLabel *m_explanation;
};

} // namespace knotie
