// knotie-portal-main's entry (app/portalstart.h): everything of the portal but its first window.
#include "app/portal/instanceserver.h"
#include "app/portal/portalcontroller.h"
#include "app/portalstart.h"

#include <QNetworkProxyFactory>

#include <type_traits>

using namespace knotie;

extern "C" Q_DECL_EXPORT QObject *knotie_start_portal(PortalStart *start) {
    // Reach the gateway through the proxy the system settings name, as the browser does.
    QNetworkProxyFactory::setUseSystemConfiguration(true);
    auto *controller = new PortalController(start->options);
    if (start->answerLaterStarts) {
        auto *server = new InstanceServer(controller);
        QObject::connect(server, &InstanceServer::activationRequested, controller,
                         &PortalController::bringToFront);
        server->listen();
    }
    controller->start(start->signIn);
    return controller;
}

static_assert(std::is_same_v<decltype(&knotie_start_portal), StartPortalFunction>,
              "the entry matches what the first stage resolves");
