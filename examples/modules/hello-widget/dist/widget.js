// Hello widget: shows the installation's greeting in its accent colour, with the site's name and
// local time from the context. The bridge keeps the frame as tall as the card (auto-resize).
const ACCENTS = { indigo: '#4f46e5', emerald: '#059669', amber: '#d97706', rose: '#e11d48' };

function localTime(site) {
  try {
    return new Intl.DateTimeFormat(site.locale, { timeZone: site.timeZone, timeStyle: 'short' }).format(new Date());
  } catch {
    return null;
  }
}

async function main() {
  const dramac = await window.Dramac.connect();
  const { settings, site } = await dramac.context();
  document.documentElement.style.setProperty('--accent', ACCENTS[settings.accent] ?? ACCENTS.indigo);
  document.getElementById('greeting').textContent = settings.greeting || 'Hello and welcome';
  const time = localTime(site);
  document.getElementById('meta').textContent = time ? `${site.name} · ${time} local time` : site.name;
}

main().catch((error) => {
  document.getElementById('card').classList.add('error');
  document.getElementById('greeting').textContent = `This widget could not start: ${error.message}`;
});
