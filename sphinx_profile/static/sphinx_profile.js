/* sphinx-profile: a "Copy" button on BibTeX blocks. Progressive enhancement:
 * without JavaScript (or a clipboard) the text stays selectable as it is. */
(function () {
  "use strict";
  function addCopyButton(block) {
    var pre = block.querySelector("pre");
    if (!pre || !navigator.clipboard) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "sp-copy";
    button.textContent = "Copy";
    button.setAttribute("aria-label", "Copy BibTeX to the clipboard");
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(pre.textContent).then(function () {
        button.textContent = "Copied";
        setTimeout(function () { button.textContent = "Copy"; }, 1500);
      });
    });
    block.appendChild(button);
  }
  function init() {
    document.querySelectorAll("details.sp-bibtex").forEach(addCopyButton);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
