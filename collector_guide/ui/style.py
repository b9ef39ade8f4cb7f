"""The look: calm and legible on a phone in a dim room. Static CSS and three small page scripts;
no user text here.

Big tap targets (at least 48 px), generous line height, no animation that jumps, and a single
narrow column that reads the same on a phone and on a desktop.
"""

CSS = """
<style>
  :root { --cg-styled: 1; }  /* lets a test wait until this sheet applies */
  /* One calm column, phone first. */
  [data-testid="stMainBlockContainer"] { max-width: 44rem; padding: 1.2rem 1rem 2rem; }
  header[data-testid="stHeader"] { background: transparent; height: 0; }
  [data-testid="stToolbar"], [data-testid="stDecoration"] { display: none; }
  html, body, [data-testid="stMarkdownContainer"] p { font-size: 1.06rem; line-height: 1.6; }
  h1 { font-size: 1.75rem !important; line-height: 1.25 !important; font-weight: 650 !important; }
  h2 { font-size: 1.35rem !important; font-weight: 620 !important; }
  h3 { font-size: 1.12rem !important; font-weight: 600 !important; }

  /* Answers as large rows that are easy to hit with a thumb. */
  [data-testid="stRadio"] > label p, [data-testid="stWidgetLabel"] p {
    font-size: 1.1rem !important; font-weight: 600; line-height: 1.45;
  }
  [data-testid="stRadioGroup"] { gap: 0.45rem; width: 100%; }
  [data-testid="stRadioGroup"] > div { width: 100%; }
  [data-testid="stRadioOption"] {
    min-height: 3rem; padding: 0.55rem 0.8rem; margin: 0; width: 100%; box-sizing: border-box;
    border: 1px solid rgba(236, 232, 225, 0.18); border-radius: 0.6rem;
    align-items: center; cursor: pointer;
  }
  [data-testid="stRadioOption"][data-selected="true"] {
    border-color: #E0B45C; background: rgba(224, 180, 92, 0.12);
  }
  [data-testid="stRadioOption"] p { font-size: 1.02rem; }
  [data-testid="stButtonGroup"] button { min-height: 3rem; font-size: 1rem; }
  .stButton > button, .stDownloadButton > button, [data-testid="stFormSubmitButton"] button {
    min-height: 3rem; font-size: 1.02rem; border-radius: 0.6rem;
  }
  [data-testid="stExpander"] summary { min-height: 2.75rem; }
  [data-testid="stExpander"] details { border-color: rgba(236, 232, 225, 0.14); }
  [data-testid="stTextInput"] input, [data-testid="stTextArea"] textarea { font-size: 1.02rem; }
  /* Long answers wrap inside their pill instead of being cut off. */
  [data-testid="stButtonGroup"] button { height: auto; max-width: 100%; text-align: left; }
  [data-testid="stButtonGroup"] button p, [data-testid="stButtonGroup"] button div {
    white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
  }
  /* Dark text on brass: 9:1, not white on brass (1.9:1). */
  [data-testid="stBaseButton-primary"], [data-testid="stBaseButton-primary"] p {
    color: #15171A !important;
  }
  /* Every tap target at least 44 px: text fields, the file list's remove button. */
  [data-testid="stTextInputRootElement"], [data-testid="stTextInput"] input { min-height: 2.9rem; }
  [data-testid="stFileUploaderDeleteBtn"] button { min-width: 2.9rem; min-height: 2.9rem; }
  /* ... the upload button, a switch's whole row, a drop-down list. */
  [data-testid="stFileUploaderDropzone"] button { min-height: 2.9rem; }
  [data-testid="stCheckbox"] label { min-height: 2.9rem; align-items: center; }
  [data-testid="stSelectbox"] [data-baseweb="select"] > div { min-height: 2.9rem; }
  /* The uploader's "25MB per file • JPG, PNG, WEBP, HEIC…" is file-format jargon: a phone's
     photos are all accepted, and a file that is not gets a message in words. */
  [data-testid="stFileUploaderDropzoneInstructions"] { display: none; }
  /* No keyboard hints ("Press Enter to apply") on a touch screen. */
  @media (hover: none), (pointer: coarse) {
    [data-testid="InputInstructions"] { display: none !important; }
  }
  /* The work's image above its reading: the whole image, never taller than half the screen. */
  .st-key-reading_image img { max-height: min(55vh, 30rem); width: auto !important; max-width: 100%;
    object-fit: contain; margin: 0 auto; display: block; }
  /* Share link: a plain button, drawn like the app's own. */
  .cg-share { width: 100%; }
  .cg-share-button {
    width: 100%; min-height: 3rem; font: inherit; font-size: 1.02rem; color: #ECE8E1;
    background: #22252A; border: 1px solid rgba(236, 232, 225, 0.25); border-radius: 0.6rem;
    cursor: pointer;
  }
  .cg-share-button:focus-visible { outline: 2px solid #E0B45C; outline-offset: 2px; }
  .cg-share-status { margin: 0.3rem 0 0; font-size: 0.95rem; min-height: 0; }
  .cg-share-manual { display: block; margin-top: 0.4rem; font-size: 0.95rem; }
  .cg-share-manual[hidden] { display: none; }
  .cg-share-manual input { width: 100%; min-height: 2.9rem; margin-top: 0.3rem; font: inherit;
    color: #ECE8E1; background: #15171A; border: 1px solid rgba(236, 232, 225, 0.25);
    border-radius: 0.4rem; padding: 0 0.5rem; box-sizing: border-box; }
  /* The visit's works read as a list, from the left. */
  [class*="st-key-visit_open_"] button,
  [class*="st-key-visit_open_"] button > div { justify-content: flex-start; text-align: left; }
  [class*="st-key-visit_open_"] button p { text-align: left; }
  /* Back and Next stay in reach at the bottom of a long screen. */
  .st-key-nav {
    position: sticky; bottom: 0; z-index: 5; background: #15171A;
    padding: 0.55rem 0 calc(0.55rem + env(safe-area-inset-bottom));
    box-shadow: 0 -0.6rem 0.8rem -0.4rem rgba(0, 0, 0, 0.6);
  }
  /* Heading anchors and chart toolbars are tiny targets no visitor needs. */
  [data-testid="stHeaderActionElements"], [data-testid="stElementToolbar"] { display: none; }
  .stPlotlyChart { touch-action: pan-y; }
  /* The page's scripts take no space: nothing moves when they come and go. */
  .st-key-cg_scripts { display: none !important; }
  /* No fading while a rerun runs: nothing flickers under the visitor's thumb. */
  [data-stale="true"] { opacity: 1 !important; transition: none !important; }
  @media (prefers-reduced-motion: reduce) { * { transition: none !important; } }
</style>
"""

# Streamlit draws its file drop zone as <section role="presentation"> with a label and a
# tabindex, which contradict that role (axe: presentation-role-conflict); call it a group.
A11Y_JS = """
<script>
  (function () {
    if (window.__cgA11y) return;
    window.__cgA11y = true;
    const fix = () => document.querySelectorAll(
      '[data-testid="stFileUploaderDropzone"][role="presentation"]'
    ).forEach((zone) => zone.setAttribute("role", "group"));
    fix();
    new MutationObserver(fix).observe(document.body, {childList: true, subtree: true});
  })();
</script>
"""

SCROLL_TOP = """
<script>
  // {nonce}: a new step starts at its top, not where the last screen's Next button was.
  (function () {{
    const main = document.querySelector('[data-testid="stMain"]');
    if (main) main.scrollTo({{top: 0}});
    window.scrollTo({{top: 0}});
  }})();
</script>
"""
