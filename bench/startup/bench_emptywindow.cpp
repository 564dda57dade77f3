// The cold start floor: the least a Qt Widgets program does to put a window on screen.
#include <QApplication>
#include <QMainWindow>

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    QMainWindow window;
    window.resize(480, 360);
    window.show();
    return QApplication::exec();
}
