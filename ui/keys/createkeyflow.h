#pragma once

#include "domain/keytype.h"
#include "pages/pagecontext.h"

#include <QObject>

class QWidget;

namespace knotie {

// Create API Key from start to end, for any page that offers it: the form (with a type
// and customer chosen beforehand if the page knows them), the request through the
// KeyService, the gateway's refusal next to its field, and the new secret shown once.
// Deletes itself when the form closes.
class CreateKeyFlow : public QObject {
    Q_OBJECT
public:
    CreateKeyFlow(const PageContext &context, QWidget *parent);

    void start(std::optional<KeyType> type = {}, const QString &customerId = {});

private:
    PageContext m_context;
    QWidget *m_parent;
};

} // namespace knotie
