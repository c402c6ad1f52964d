// Reloads a progress page (one element marked data-refresh-seconds) until the work it shows is done and
// the server sends the browser on. Without JavaScript the page's "Check progress" link does the same.
// An external file, not inline: the console's Content-Security-Policy allows scripts from itself only.
const marked = document.querySelector('[data-refresh-seconds]');
if (marked) setTimeout(() => window.location.reload(), Number(marked.getAttribute('data-refresh-seconds')) * 1000);
