// The page of the HTML map, compiled into the binary at build time (web/viewer.cmake runs
// `npm ci` and web/build_assets.mjs, which bundles sigma.js, graphology and web/src/viewer.js
// into one HTML page). export/html.cpp fills in its two placeholders, @NEWSGRAPH_TITLE@ and
// @NEWSGRAPH_DATA@ (once each), so an exported map needs no network and no file beside it.
#pragma once

#include <string_view>

namespace newsgraph {

// The page template; empty when newsgraph was built without the viewer.
std::string_view html_viewer_page();
// Why the viewer is missing (node/npm absent, `npm ci` failed, NEWSGRAPH_HTML=OFF); empty when
// html_viewer_page() is not.
std::string_view html_viewer_missing_reason();

}  // namespace newsgraph
