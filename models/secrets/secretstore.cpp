#include "models/secrets/secretstore.h"

#include "models/logging.h"

#include <QPointer>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <memory>

namespace knotie {

SecretStore::SecretStore(QString service, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service)) {}

QString SecretStore::scopedKey(const QUrl &gateway, const QString &accountEmail, const QString &name) {
    return gateway
               .adjusted(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment)
               .toString() +
           QLatin1Char('|') + accountEmail.toLower() + QLatin1Char('|') + name;
}

void SecretStore::read(const QString &key, QObject *context, Callback done) {
    run(Operation::Read, {m_service, key}, {}, context, std::move(done));
}

void SecretStore::write(const QString &key, const QByteArray &value, QObject *context, Callback done) {
    run(Operation::Write, {m_service, key}, value, context, std::move(done));
}

void SecretStore::remove(const QString &key, QObject *context, Callback done) {
    run(Operation::Remove, {m_service, key}, {}, context, std::move(done));
}

void SecretStore::read(const Entry &entry, QObject *context, Callback done) {
    run(Operation::Read, entry, {}, context, std::move(done));
}

void SecretStore::write(const Entry &entry, const QByteArray &value, QObject *context, Callback done) {
    run(Operation::Write, entry, value, context, std::move(done));
}

void SecretStore::remove(const Entry &entry, QObject *context, Callback done) {
    run(Operation::Remove, entry, {}, context, std::move(done));
}

void SecretStore::run(Operation op, const Entry &entry, const QByteArray &value, QObject *context,
                      Callback done) {
    QKeychain::Job *job = nullptr;
    switch (op) {
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(entry.label);
        break;
    case Operation::Write: {
        auto *w = new QKeychain::WritePasswordJob(entry.label);
        w->setBinaryData(value);
        job = w;
        break;
    }
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(entry.label);
        break;
    }
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(entry.key);

    // The callback must run once: either from the job or from the watchdog.
    struct State {
        bool done = false;
        Callback callback;
        QPointer<QObject> context;
    };
    auto state = std::make_shared<State>(State{false, std::move(done), context});
    auto deliver = [state](const Result &r) {
        if (state->done)
            return;
        state->done = true;
        if (state->context)
            state->callback(r);
    };

    // A guarded pointer: a job that answers after the watchdog gave up must not touch
    // the deleted timer.
    QPointer<QTimer> watchdog = new QTimer(this);
    watchdog->setSingleShot(true);
    connect(watchdog, &QTimer::timeout, this, [deliver, watchdog] {
        qCWarning(lcSecrets) << "the system keychain did not answer in time";
        deliver({false, {}, tr("The system keychain did not answer. Your secret was not saved.")});
        watchdog->deleteLater();
    });
    watchdog->start(m_watchdogMs);

    connect(job, &QKeychain::Job::finished, this, [deliver, watchdog, op](QKeychain::Job *finished) {
        if (watchdog) {
            watchdog->stop();
            watchdog->deleteLater();
        }
        Result r;
        if (finished->error() == QKeychain::NoError) {
            r.ok = true;
            if (op == Operation::Read)
                r.value = static_cast<QKeychain::ReadPasswordJob *>(finished)->binaryData();
        } else if (finished->error() == QKeychain::EntryNotFound) {
            r.ok = true; // nothing stored: an empty value
        } else {
            r.error = tr("The system keychain is not available (%1).").arg(finished->errorString());
            qCInfo(lcSecrets) << "keychain error" << finished->error();
        }
        deliver(r);
    });
    job->start();
}

} // namespace knotie
