// The portal's first stage (app/stages.h): with Qt Widgets alone it shows the sign-in dialog,
// then loads the rest of the portal after that window's first frame.
#include "app/portalstart.h"
#include "app/singleinstance.h"
#include "ui/settingskeys.h"
#include "ui/shell/portalname.h"
#include "ui/signin/signindialog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QIcon>
#include <QLibrary>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QSettings>
#include <QTimer>
#include <QTranslator>

#include <functional>
#include <memory>
#include <thread>
#include <type_traits>

using namespace knotie;

namespace {
// The portal's own strings (built into the binary) and Qt's standard buttons, in the
// language chosen in the preferences, or the system's.
void installTranslations(QApplication &app, const QString &code) {
    const QLocale locale = code.isEmpty() ? QLocale::system() : QLocale(code);
    QLocale::setDefault(locale);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
    // A language the portal lacks gets English, whose file holds the plural forms
    // ("1 hour ago", "2 hours ago").
    auto *own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("knotie"), QStringLiteral("_"), QStringLiteral(":/i18n")) ||
        own->load(QStringLiteral(":/i18n/knotie_en")))
        QApplication::installTranslator(own);
}

// The command line, for the GUI run and for --help and --version alike.
struct CommandLine {
    QCommandLineOption gateway{QStringLiteral("gateway"), QStringLiteral("Gateway address to sign in to."),
                               QStringLiteral("URL")};
    QCommandLineOption email{QStringLiteral("email"), QStringLiteral("Email to prefill."),
                             QStringLiteral("EMAIL")};
    QCommandLineOption signIn{QStringLiteral("sign-in"),
                              QStringLiteral("Sign in at once with the password in $KNOTIE_PASSWORD.")};
    QCommandLineOption page{QStringLiteral("page"), QStringLiteral("Page to open, e.g. api-keys."),
                            QStringLiteral("PAGE")};
    QCommandLineOption language{QStringLiteral("language"), QStringLiteral("Language for this run (en, de)."),
                                QStringLiteral("CODE")};
    QCommandLineOption screenshot{QStringLiteral("screenshot"),
                                  QStringLiteral("Save the main window as a PNG file and quit."),
                                  QStringLiteral("FILE")};

    void addTo(QCommandLineParser &parser) const {
        parser.setApplicationDescription(
            QStringLiteral("Manage the API keys of your Knotie AI Pro partner account."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({gateway, email, signIn, page, language, screenshot});
    }

    PortalOptions options(const QCommandLineParser &parser) const {
        PortalOptions options;
        options.gateway = parser.value(gateway);
        options.email = parser.value(email);
        options.autoSignIn = parser.isSet(signIn);
        if (options.autoSignIn)
            options.password = qEnvironmentVariable("KNOTIE_PASSWORD");
        options.startPage = parser.value(page);
        options.screenshot = parser.value(screenshot);
        return options;
    }
};

void setApplicationNames() {
    QCoreApplication::setOrganizationName(QStringLiteral("Knotie"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("knotie.ai"));
    QCoreApplication::setApplicationName(QStringLiteral("knotie-portal"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KNOTIE_VERSION));
}

// --help and --version need no display: they are answered by a QCoreApplication before any GUI
// exists (a QApplication aborts without a display, and --help is how people find --gateway).
bool asksOnlyForInformation(int argc, char *argv[]) {
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--")
            return false;
        if (arg == "-h" || arg == "-?" || arg == "--help" || arg == "--help-all" || arg == "-v" ||
            arg == "--version")
            return true;
    }
    return false;
}

// A session kept with "keep me signed in" is restored without the sign-in dialog; the second
// stage checks the address and falls back to the dialog if the settings do not hold.
bool hasRememberedSession(const PortalOptions &options) {
    const QSettings settings;
    return settings.value(settingskeys::remember).toBool() && !options.autoSignIn &&
           !settings.value(settingskeys::gateway).toString().isEmpty() &&
           !settings.value(settingskeys::email).toString().isEmpty();
}

// Runs `then` on the turn of the event loop after `window` painted its first frame, or after
// a quarter of a second, should the window not be painted that soon (started minimized).
void afterFirstFrame(QWidget *window, std::function<void()> then) {
    struct Watch : QObject {
        std::function<void()> then;
        void fire() {
            if (then)
                QTimer::singleShot(0, this, [this, run = std::exchange(then, {})] {
                    run();
                    deleteLater();
                });
        }
        bool eventFilter(QObject *, QEvent *event) override {
            if (event->type() == QEvent::Paint)
                fire();
            return false;
        }
    };
    auto *watch = new Watch;
    watch->setParent(window);
    watch->then = std::move(then);
    window->installEventFilter(watch);
    QTimer::singleShot(250, watch, [watch] { watch->fire(); });
}

struct SecondStage {
    StartPortalFunction start = nullptr;
    QString error;
};

// Reads the second stage and the dozen libraries it needs from disk: work for a thread of its
// own, never the GUI thread.
SecondStage loadSecondStage(const QString &path) {
    QLibrary library(path);
    library.setLoadHints(QLibrary::PreventUnloadHint);
    SecondStage loaded;
    if (library.load())
        loaded.start = reinterpret_cast<StartPortalFunction>(library.resolve(startPortalSymbol));
    if (!loaded.start)
        loaded.error = library.errorString();
    return loaded;
}
} // namespace

// The portal's main(), called by the launcher (app/launcher.cpp) once Qt is loaded.
extern "C" Q_DECL_EXPORT int knotie_run_portal(int argc, char *argv[], const char *stageFolder,
                                               void (*finishLoadingFonts)()) {
    if (asksOnlyForInformation(argc, argv)) {
        QCoreApplication core(argc, argv);
        setApplicationNames();
        QCommandLineParser parser;
        CommandLine().addTo(parser);
        parser.process(core); // prints and exits
        return 0;
    }
    QApplication app(argc, argv);
    finishLoadingFonts(); // started by the launcher, before Qt was loaded
    setApplicationNames();
    QApplication::setDesktopFileName(QStringLiteral("ai.knotie.PartnerPortal"));
    // The portal's style sheet touches only the main window and is set when that opens (see
    // PortalController::openMainWindow): set here it would put every widget of the sign-in
    // dialog through the style sheet style before the first window is mapped.

    QCommandLineParser parser;
    const CommandLine cli;
    cli.addTo(parser);
    parser.process(app);
    installTranslations(app, parser.isSet(cli.language)
                                 ? parser.value(cli.language)
                                 : QSettings().value(settingskeys::language).toString());
    // Translated, once the language is known: the window system shows it after every window's
    // own title ("Demo Agency — Knotie Partnerportal"), so no title repeats it.
    QApplication::setApplicationDisplayName(portalDisplayName());

    PortalStart start;
    start.options = cli.options(parser);
    // A screenshot run is a tool, not a second portal: it never hands over.
    start.answerLaterStarts = start.options.screenshot.isEmpty();
    if (start.answerLaterStarts && handOverToRunningInstance())
        return 0;

    QPointer<SignInDialog> signIn;
    const bool showsSignIn = !hasRememberedSession(start.options);
    if (showsSignIn) {
        signIn = new SignInDialog;
        signIn->setAttribute(Qt::WA_DeleteOnClose);
        signIn->prefill(start.options.gateway, start.options.email);
        signIn->show();
    }

    std::unique_ptr<QObject> portal;
    const auto startSecondStage = [&](const SecondStage &loaded) {
        if (!loaded.start) {
            QMessageBox box(QMessageBox::Critical, portalDisplayName(),
                            QCoreApplication::translate("knotie::Startup",
                                                        "The portal cannot start: part of it is missing or "
                                                        "damaged. Install the Knotie Partner Portal again."),
                            QMessageBox::Close, signIn);
            box.setDetailedText(loaded.error);
            box.exec();
            QApplication::exit(1);
            return;
        }
        if (showsSignIn && !signIn)
            return; // closed before the rest was loaded: the portal is quitting
        start.signIn = signIn;
        portal.reset(loaded.start(&start));
    };
    std::thread loader;
    // What the first window does without: the second stage, read on a thread of its own, and the
    // SVG window icon, which loads Qt Svg and its icon engine (it reaches the windows already open,
    // and the tray, made later, reads it from here).
    const auto completeStart = [&] {
        const QString secondStage =
            QFile::decodeName(stageFolder) + QLatin1Char('/') + QLatin1String(stages::secondStageName);
        loader = std::thread([&app, &startSecondStage, secondStage] {
            const SecondStage loaded = loadSecondStage(secondStage);
            QMetaObject::invokeMethod(
                &app, [&startSecondStage, loaded] { startSecondStage(loaded); }, Qt::QueuedConnection);
        });
        QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/knotie-portal.svg")));
    };
    if (showsSignIn)
        afterFirstFrame(signIn, completeStart);
    else
        completeStart();
    const int status = QApplication::exec();
    if (loader.joinable())
        loader.join();
    portal.reset(); // its windows close while the application still exists
    return status;
}

static_assert(std::is_same_v<decltype(&knotie_run_portal), stages::RunPortalFunction>,
              "the entry matches what the launcher resolves");
