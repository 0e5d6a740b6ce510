// Moves a LevelCurveChart's level line (its shapes[0], a vertical line from paper y 0 to 1) without a
// Plotly relayout: even a one-attribute relayout re-runs Plotly's layout defaults and costs the browser
// ~20 ms per slider move. A chart that Plotly has not drawn yet (the first moves of a lab's Play start
// while its first plot is still in flight) gets the latest level once it is drawn: a relayout at that
// moment fails inside Plotly ("reading '_guiEditing'") and takes the page down.
const pending = new Map();

function tryMove(id, level) {
  const gd = document.getElementById(id);
  const shape = gd?.layout?.shapes?.[0];
  const axis = gd?._fullLayout?.xaxis;
  const size = gd?._fullLayout?._size;
  const path = gd?.querySelector(".shapelayer path");
  if (!shape || !axis || !size || !path) return false;
  shape.x0 = shape.x1 = level; // a later redraw (resize, theme) keeps the line where it is now
  const x = axis._offset + axis.l2p(level);
  path.setAttribute("d", `M${x},${size.t}V${size.t + size.h}`);
  return true;
}

// Returns false only for a chart without a level line, which the caller redraws.
export function moveLevel(id, level) {
  if (tryMove(id, level)) {
    pending.delete(id);
    return true;
  }
  const gd = document.getElementById(id);
  if (gd?._fullLayout && !gd.layout?.shapes?.[0]) return false;
  const waiting = pending.has(id);
  pending.set(id, level);
  if (!waiting) {
    let tries = 0;
    const retry = () => {
      if (!pending.has(id)) return;
      if (tryMove(id, pending.get(id)) || ++tries > 200 || !document.getElementById(id)) pending.delete(id);
      else setTimeout(retry, 50);
    };
    setTimeout(retry, 50);
  }
  return true;
}
