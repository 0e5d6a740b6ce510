// Small browser helpers the explorer calls through JS interop: the remembered theme, dismissed hints and copying a link.
window.recsae = {
  // "dark", "light", or null when the person never chose (then the OS preference decides).
  getTheme: () => { try { return localStorage.getItem('recsae-theme'); } catch { return null; } },
  setTheme: (theme) => { try { localStorage.setItem('recsae-theme', theme); } catch { } },
  // Hints a person dismissed (e.g. the labs' first-visit coach marks), so they do not come back.
  isDismissed: (key) => { try { return localStorage.getItem('recsae-dismissed-' + key) === '1'; } catch { return false; } },
  dismiss: (key) => { try { localStorage.setItem('recsae-dismissed-' + key, '1'); } catch { } },
  prefersDark: () => window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches,
  // The async clipboard API needs a secure context (https or loopback); elsewhere a hidden textarea does it.
  copy: async (text) => {
    try { await navigator.clipboard.writeText(text); return true; } catch { }
    const area = document.createElement('textarea');
    area.value = text; area.style.position = 'fixed'; area.style.opacity = '0';
    document.body.appendChild(area); area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  },
};
