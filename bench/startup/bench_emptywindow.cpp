// The cold start floor: the least a Qt Widgets program does to put a window on screen.
// With --text, the same window shows one line of text: a reference for what drawing any text at
// all costs (the font configuration read, a font loaded, a line shaped), which the floor never
// pays and every real window does.
#include <QApplication>
#include <QLabel>
#include <QMainWindow>

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    QMainWindow window;
    if (QApplication::arguments().contains(QStringLiteral("--text")))
        window.setCentralWidget(new QLabel(QStringLiteral("Sign in to your partner account")));
    window.resize(480, 360);
    window.show();
    return QApplication::exec();
}
