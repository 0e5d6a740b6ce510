// Moves a LevelCurveChart's level line (its shapes[0], a vertical line from paper y 0 to 1) without a
// Plotly relayout: even a one-attribute relayout re-runs Plotly's layout defaults and costs the browser
// ~20 ms per slider move. Returns false when the chart is not drawn yet, so the caller relayouts.
export function moveLevel(id, level) {
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
