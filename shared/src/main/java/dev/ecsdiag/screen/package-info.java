/**
 * Reads a console screenshot as text: the second source of evidence beside the serial console.
 *
 * <p>Decoding ({@link dev.ecsdiag.screen.ScreenDecoder}) is bounded: the header's dimensions are
 * checked before any pixel is allocated. Recognition ({@link dev.ecsdiag.screen.GlyphRecognizer})
 * is exact: a Linux console draws a fixed grid of known glyphs (the VGA BIOS font in text mode, the
 * kernel's built-in 8x16 font on a frame buffer), so each cell is compared with every glyph of the
 * font and the nearest one wins. {@link dev.ecsdiag.screen.ScreenReader} is the front door;
 * {@link dev.ecsdiag.screen.ScreenClassifier} runs the console classifier over what was read.
 * docs/screen.md has the evidence for these choices.
 */
package dev.ecsdiag.screen;
