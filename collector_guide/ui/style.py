"""The look: calm and legible on a phone in a dim room. Static CSS only, no user text here.

Big tap targets (at least 48 px), generous line height, no animation that jumps, and a single
narrow column that reads the same on a phone and on a desktop.
"""

CSS = """
<style>
  /* One calm column, phone first. */
  [data-testid="stMainBlockContainer"] { max-width: 44rem; padding: 1.2rem 1rem 5rem; }
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
  .stPlotlyChart { touch-action: pan-y; }
  /* The page's scripts take no space: nothing moves when they come and go. */
  .st-key-cg_scripts { display: none !important; }
  /* No fading while a rerun runs: nothing flickers under the visitor's thumb. */
  [data-stale="true"] { opacity: 1 !important; transition: none !important; }
  @media (prefers-reduced-motion: reduce) { * { transition: none !important; } }
</style>
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
