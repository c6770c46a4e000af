export * from './catalogue.ts'
export * from './form.ts'
