#pragma once

// The portal starts in three steps, so that its first window comes up as soon as Qt Widgets
// alone allows (app/portalstart.h says what each stage holds):
//   knotie-portal        (launcher.cpp) no Qt: starts loading the font configuration on a thread,
//                        then loads the first stage, whose libraries take the other core meanwhile;
//   knotie-portal-first  (firststage.cpp) Qt Widgets: the sign-in dialog; after its first frame,
//                        loads the second stage on a thread;
//   knotie-portal-main   (portal/) everything else.
// The two stages are in one folder: beside the program in a build folder, in KNOTIE_MODULE_DIR
// (relative to the program's folder) once installed. The launcher finds it and tells the first
// stage. No Qt in this header: the launcher reads it.
namespace knotie::stages {

inline constexpr char firstStageName[] = "knotie-portal-first";
inline constexpr char secondStageName[] = "knotie-portal-main";

// The first stage's entry: the portal's main(), handed the stages' folder and the launcher's way
// to wait for the fonts.
using RunPortalFunction = int (*)(int argc, char **argv, const char *stageFolder,
                                  void (*finishLoadingFonts)());
inline constexpr char runPortalSymbol[] = "knotie_run_portal";

} // namespace knotie::stages
