#pragma once

#include "models/network/gatewayjob.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>

namespace knotie::test {

// Starts a job, waits for its end and checks the promise every job makes: `finished`
// comes exactly once (also after the events that follow it, and after a late abort).
inline GatewayResult runJob(GatewayJob &job, int timeoutMs = 20000) {
    QSignalSpy spy(&job, &GatewayJob::finished);
    job.start();
    if (!spy.wait(timeoutMs)) {
        qWarning("job did not finish");
        return {};
    }
    QCoreApplication::processEvents();
    job.abort();
    QCoreApplication::processEvents();
    if (spy.count() != 1 || !job.isFinished())
        qFatal("a job finished %d times", int(spy.count()));
    return spy.at(0).at(0).value<GatewayResult>();
}

} // namespace knotie::test
