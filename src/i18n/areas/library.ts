// Messages of the library view: they download with it (see src/i18n/area.ts).
import type { AreaMessages } from '../area.ts';

export const messages = {
  en: {
    'file.exportLibrary': 'Export the library',
    'library.title': 'Library',
    'library.missing': 'This scenario is no longer in the library.',
    'library.deleted': '“{name}” deleted.',
    'library.empty': 'No saved scenario yet: edit one in the planner and it is saved here.',
    'library.name': 'Scenario',
    'library.updated': 'Last change',
    'library.co2e': 'Emissions (CO2e)',
    'library.actions': 'Actions',
    'library.newName': 'New name',
    'library.renameOk': 'OK',
    'library.rename': 'Rename “{name}”',
    'library.renameShort': 'Rename',
    'library.delete': 'Delete “{name}”',
    'library.deleteShort': 'Delete',
  },
  fr: {
    'file.exportLibrary': 'Exporter la bibliothèque',
    'library.title': 'Bibliothèque',
    'library.missing': 'Ce scénario n’est plus dans la bibliothèque.',
    'library.deleted': '« {name} » supprimé.',
    'library.empty': 'Aucun scénario enregistré : modifiez-en un dans le planificateur et il sera enregistré ici.',
    'library.name': 'Scénario',
    'library.updated': 'Dernière modification',
    'library.co2e': 'Émissions (CO2e)',
    'library.actions': 'Actions',
    'library.newName': 'Nouveau nom',
    'library.renameOk': 'OK',
    'library.rename': 'Renommer « {name} »',
    'library.renameShort': 'Renommer',
    'library.delete': 'Supprimer « {name} »',
    'library.deleteShort': 'Supprimer',
  },
} as const satisfies AreaMessages;
