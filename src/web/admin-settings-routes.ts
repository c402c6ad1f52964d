// Thresholds, detector phrases and extra topic keywords admins tune: the settings file FOI_ANALYSIS_CONFIG names, which the
// daemon's analysis workers and `classifier train` read. Without that variable the page only shows the
// built-in values and says how to make them editable.
import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../adapters/db/console-case-queries.js';
import { isAppError } from '../errors.js';
import { done } from './admin-options.js';
import { checkSettingsForm, LABELS, PHRASE_LISTS, saveSettings, settingsForm, THRESHOLDS, type SettingsForm } from './admin-settings-file.js';
import { page, type ConsoleDeps } from './server.js';

export function addAdminSettingsRoutes(app: FastifyInstance, deps: ConsoleDeps): void {
  const path = () => deps.admin?.analysisConfigPath ?? null;
  const fields = { thresholds: THRESHOLDS, phraseLists: PHRASE_LISTS, labels: LABELS };

  app.get('/admin/settings', async (request, reply) =>
    page(request, reply, 'admin/settings.njk', { ...fields, form: settingsForm(path()), fieldErrors: {}, editable: path() !== null, path: path() }));

  app.post<{ Body: Partial<SettingsForm> }>('/admin/settings', async (request, reply) => {
    const file = path();
    if (!file) return done(request, reply, '/admin/settings', 'Set FOI_ANALYSIS_CONFIG to a settings file to edit these settings here.', 'error');
    const body = request.body ?? {};
    const form = Object.fromEntries([...THRESHOLDS, ...PHRASE_LISTS, 'topicKeywords'].map((k) => [k, String(body[k as keyof SettingsForm] ?? '')])) as SettingsForm;
    const checked = checkSettingsForm(form);
    if ('errors' in checked) {
      // The admin's typing is kept; the error summary links to each field.
      return page(request, reply, 'admin/settings.njk', { ...fields, form, editable: true, path: file, errors: checked.errors, fieldErrors: Object.fromEntries(checked.errors.map((e) => [e.field, e.text])) });
    }
    try {
      saveSettings(file, checked.values);
    } catch (error) {
      if (!isAppError(error, 'config.invalid')) throw error;
      return page(request, reply, 'admin/settings.njk', { ...fields, form, editable: true, path: file, errors: [{ field: 'topicThreshold', text: error.message }], fieldErrors: { topicThreshold: error.message } });
    }
    await recordAudit(deps.db, { actor: request.user!.identity, caseId: null, action: 'analysis_settings', details: checked.values });
    return done(request, reply, '/admin/settings', 'Settings saved. The daemon uses them from its next start or model activation; candidates trained from now on are scored with them.');
  });
}
